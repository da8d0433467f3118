import { activeMemberships } from '$lib/identity/memberships';
import { apiError } from '$lib/server/http';
import { membershipsRepo } from '$lib/server/services/auth.wiring';
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) => {
	if (!locals.session) return apiError(401, 'signed-out', 'Not signed in.');
	const roles = activeMemberships(await membershipsRepo().forPerson(locals.session.personId), new Date());
	return json({ personId: locals.session.personId, roles }, { headers: { 'cache-control': 'no-store' } });
};
