import { signedInSession } from '$lib/server/access-policy';
import { programmeService } from '$lib/server/services/wiring';
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** Measure 5 live: teachers trained and seminars held against their targets, by region and month, with the seminars. */
export const GET: RequestHandler = async ({ locals }) => {
	return json(await programmeService(signedInSession(locals)).targets(), { headers: { 'cache-control': 'no-store' } });
};
