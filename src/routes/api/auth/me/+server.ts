import { signedInSession } from '$lib/server/access-policy';
import { activeMemberships } from '$lib/identity/memberships';
import { membershipsRepo } from '$lib/server/services/wiring';
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) => {
	const session = signedInSession(locals);
	const roles = activeMemberships(await membershipsRepo().forPerson(session.personId), new Date());
	return json({ personId: session.personId, roles, mustChangePassword: session.mustChangePassword === true }, { headers: { 'cache-control': 'no-store' } });
};
