import { clearSessionCookie } from '$lib/server/auth/session-cookie';
import { apiError } from '$lib/server/http';
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ cookies, locals, url }) => {
	if (!locals.session) return apiError(401, 'signed-out', 'Sign in first.');
	const ended = await locals.auth.signOutEverywhere(locals.session);
	clearSessionCookie(cookies, url.protocol === 'https:');
	return json({ ended });
};
