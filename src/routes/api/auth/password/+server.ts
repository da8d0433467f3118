import { signedInSession } from '$lib/server/access-policy';
import { authFailureResponse } from '$lib/server/auth/auth-responses';
import { SESSION_COOKIE } from '$lib/server/auth/session-cookie';
import { readJson } from '$lib/server/http';
import { z } from 'zod';
import type { RequestHandler } from './$types';

const body = z.strictObject({ currentPassword: z.string().max(256), newPassword: z.string().max(256) });

export const POST: RequestHandler = async ({ request, locals, cookies }) => {
	const session = signedInSession(locals);
	const input = await readJson(request, body);
	if (!input.ok) return input.response;
	const result = await locals.auth.changePassword(session, input.data, cookies.get(SESSION_COOKIE));
	if (!result.ok) return authFailureResponse(result.failure);
	return new Response(null, { status: 204 });
};
