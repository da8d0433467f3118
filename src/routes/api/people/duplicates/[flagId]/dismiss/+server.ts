import { signedInSession } from '$lib/server/access-policy';
import { apiError } from '$lib/server/http';
import { mergesService } from '$lib/server/services/wiring';
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** Two different people after all: the flag is closed (and stays in the table with who decided). */
export const POST: RequestHandler = async ({ params, locals }) => {
	if (!(await mergesService().dismiss(signedInSession(locals), params.flagId))) return apiError(404, 'flag-unknown', 'No open flag has this id.');
	return json({ dismissed: params.flagId });
};
