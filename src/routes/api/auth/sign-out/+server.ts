import { clearSessionCookie, SESSION_COOKIE } from '$lib/server/auth/session-cookie';
import type { RequestHandler } from './$types';

/** With the cookie: signs this browser out. With a profile token: that profile leaves this device. */
export const POST: RequestHandler = async ({ cookies, locals, url }) => {
	const { clearCookie } = await locals.auth.signOut(locals.session, cookies.get(SESSION_COOKIE));
	if (clearCookie) clearSessionCookie(cookies, url.protocol === 'https:');
	return new Response(null, { status: 204 });
};
