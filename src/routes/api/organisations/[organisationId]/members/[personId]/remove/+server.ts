import { signedInSession } from '$lib/server/access-policy';
import { organisationFailureResponse } from '$lib/server/failure-responses';
import { organisationsService } from '$lib/server/services/wiring';
import type { RequestHandler } from './$types';

/** Ends a person's membership from today; what they did while a member stays in the history. */
export const POST: RequestHandler = async ({ locals, params }) => {
	const result = await organisationsService().removeMember(signedInSession(locals), params.organisationId, params.personId);
	if (!result.ok) return organisationFailureResponse(result.failure);
	return new Response(null, { status: 204 });
};
