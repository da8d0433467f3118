import { signedInSession } from '$lib/server/access-policy';
import { apiError } from '$lib/server/http';
import { assignmentsService } from '$lib/server/services/wiring';
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** The caller's latest practical assignment of `?programme=` and its review, made on whichever device. */
export const GET: RequestHandler = async ({ url, locals }) => {
	const programmeId = url.searchParams.get('programme') ?? '';
	if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(programmeId)) return apiError(400, 'invalid-input', 'programme: a training programme id is required.');
	return json({ submission: await assignmentsService().ofCaller(signedInSession(locals), programmeId) }, { headers: { 'cache-control': 'no-store' } });
};
