import { signedInSession } from '$lib/server/access-policy';
import { seminarsFailureResponse } from '$lib/server/failure-responses';
import { seminarsService } from '$lib/server/services/wiring';
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** The seminar kit a trainer's device keeps for working offline; the check-in key only for its own trainers. */
export const GET: RequestHandler = async ({ params, locals }) => {
	const result = await seminarsService().kit(signedInSession(locals), params.seminarId);
	if (!result.ok) return seminarsFailureResponse(result.failure);
	return json(result.value, { headers: { 'cache-control': 'no-store' } });
};
