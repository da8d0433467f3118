import { signedInSession } from '$lib/server/access-policy';
import { organisationFailureResponse } from '$lib/server/failure-responses';
import { organisationsService } from '$lib/server/services/wiring';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ locals, params }) => {
	const result = await organisationsService().withdraw(signedInSession(locals), params.organisationId, params.assignmentId);
	if (!result.ok) return organisationFailureResponse(result.failure);
	return new Response(null, { status: 204 });
};
