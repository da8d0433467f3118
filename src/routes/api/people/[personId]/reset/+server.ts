import { signedInSession } from '$lib/server/access-policy';
import { peopleFailureResponse } from '$lib/server/failure-responses';
import { peopleService } from '$lib/server/services/wiring';
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** A new secret for someone who forgot theirs, shown once to whoever reset it. */
export const POST: RequestHandler = async ({ locals, params }) => {
	const result = await peopleService().reset(signedInSession(locals), params.personId);
	if (!result.ok) return peopleFailureResponse(result.failure);
	return json(result.value, { headers: { 'cache-control': 'no-store' } });
};
