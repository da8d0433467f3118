import { apiError } from '$lib/server/http';
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) => {
	if (!locals.session) return apiError(401, 'signed-out', 'Not signed in.');
	return json({ personId: locals.session.personId }, { headers: { 'cache-control': 'no-store' } });
};
