import { signedInSession } from '$lib/server/access-policy';
import { apiError } from '$lib/server/http';
import { classesService } from '$lib/server/services/wiring';
import type { RequestHandler } from './$types';

/** Takes an assignment back; the record stays for history. */
export const POST: RequestHandler = async ({ locals, params }) => {
	const withdrawn = await classesService().withdraw(signedInSession(locals), params.classId, params.assignmentId);
	return withdrawn ? new Response(null, { status: 204 }) : apiError(404, 'not-found', 'This class has no such assignment in force.');
};
