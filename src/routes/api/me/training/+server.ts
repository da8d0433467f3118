import { signedInSession } from '$lib/server/access-policy';
import { seminarsService } from '$lib/server/services/wiring';
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** The caller's teacher-training records: per seminar, attendance, test, assignment and whether they completed. */
export const GET: RequestHandler = async ({ locals }) => {
	return json({ records: await seminarsService().mine(signedInSession(locals)) }, { headers: { 'cache-control': 'no-store' } });
};
