import { signedInSession } from '$lib/server/access-policy';
import { clearSessionCookie } from '$lib/server/auth/session-cookie';
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ cookies, locals, url }) => {
	const session = signedInSession(locals);
	const ended = await locals.auth.signOutEverywhere(session);
	clearSessionCookie(cookies, url.protocol === 'https:');
	return json({ ended });
};
