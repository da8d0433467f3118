import { signedInSession } from '$lib/server/access-policy';
import { organisationsService } from '$lib/server/services/wiring';
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** The courses the caller's classes and organisations have assigned, with due dates. */
export const GET: RequestHandler = async ({ locals }) => {
	return json({ assignments: await organisationsService().assignedTo(signedInSession(locals)) }, { headers: { 'cache-control': 'no-store' } });
};
