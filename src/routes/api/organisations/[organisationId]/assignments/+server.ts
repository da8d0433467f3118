import { signedInSession } from '$lib/server/access-policy';
import { organisationFailureResponse } from '$lib/server/failure-responses';
import { readJson } from '$lib/server/http';
import { organisationsService } from '$lib/server/services/wiring';
import { json } from '@sveltejs/kit';
import { z } from 'zod';
import type { RequestHandler } from './$types';

const body = z.strictObject({ courseId: z.string().max(100), dueOn: z.string().max(10) });

export const GET: RequestHandler = async ({ params }) => {
	return json({ assignments: await organisationsService().assignments(params.organisationId) }, { headers: { 'cache-control': 'no-store' } });
};

/** A mandatory course for every member, due on a calendar date (Kyrgyzstan time). */
export const POST: RequestHandler = async ({ request, locals, params }) => {
	const input = await readJson(request, body);
	if (!input.ok) return input.response;
	const result = await organisationsService().assign(signedInSession(locals), params.organisationId, input.data);
	if (!result.ok) return organisationFailureResponse(result.failure);
	return json(result.value, { status: 201 });
};
