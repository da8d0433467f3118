import { clearSessionCookie } from '$lib/server/auth/session-cookie';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ cookies, locals, url }) => {
	if (locals.session) await locals.auth.signOut(locals.session);
	clearSessionCookie(cookies, url.protocol === 'https:');
	return new Response(null, { status: 204 });
};
