import { signedInSession } from '$lib/server/access-policy';
import { peopleFailureResponse } from '$lib/server/failure-responses';
import { readJson } from '$lib/server/http';
import { peopleService } from '$lib/server/services/wiring';
import { z } from 'zod';
import type { RequestHandler } from './$types';

/** The caller repeats the person id: erasure cannot be undone, so it is never one stray request away. */
const body = z.strictObject({ confirmPersonId: z.string().max(64) });

export const POST: RequestHandler = async ({ request, locals, params }) => {
	const input = await readJson(request, body);
	if (!input.ok) return input.response;
	if (input.data.confirmPersonId !== params.personId) {
		return new Response(JSON.stringify({ error: 'not-confirmed', message: 'confirmPersonId must repeat the person id.' }), {
			status: 400,
			headers: { 'content-type': 'application/json' }
		});
	}
	const result = await peopleService().erase(signedInSession(locals), params.personId);
	if (!result.ok) return peopleFailureResponse(result.failure);
	return new Response(null, { status: 204 });
};
