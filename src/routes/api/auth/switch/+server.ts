import { SESSION_COOKIE, setSessionCookie } from '$lib/server/auth/session-cookie';
import { apiError } from '$lib/server/http';
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** A shared device switched profiles: the page cookie now follows the profile whose token came as the bearer. */
export const POST: RequestHandler = async ({ cookies, locals, url }) => {
	const switched = await locals.auth.switchTo(locals.session, cookies.get(SESSION_COOKIE));
	if (!switched) return apiError(401, 'profile-token-required', 'Send the profile token as "Authorization: Bearer …" to switch to it.');
	setSessionCookie(cookies, switched.token, switched.expiresAt, url.protocol === 'https:');
	return json({ personId: switched.personId }, { headers: { 'cache-control': 'no-store' } });
};
