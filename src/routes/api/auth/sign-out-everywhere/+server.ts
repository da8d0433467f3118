import { signedInSession } from '$lib/server/access-policy';
import { clearSessionCookie, SESSION_COOKIE } from '$lib/server/auth/session-cookie';
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ cookies, locals, url }) => {
	const session = signedInSession(locals);
	const ended = await locals.auth.signOutEverywhere(session);
	// The account's cookie here has just ended too; a cookie that still works is another profile's on this device.
	if (!(await locals.auth.resolve(cookies.get(SESSION_COOKIE), 'cookie'))) clearSessionCookie(cookies, url.protocol === 'https:');
	return json({ ended });
};
