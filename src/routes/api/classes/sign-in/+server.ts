import { authFailureResponse } from '$lib/server/auth/auth-responses';
import { childSecretSchema, guestProofSchema } from '$lib/server/auth/child-secret.schema';
import { issuedSessionBody } from '$lib/server/auth/issued-session';
import { readJson } from '$lib/server/http';
import { json } from '@sveltejs/kit';
import { z } from 'zod';
import type { RequestHandler } from './$types';

const body = z.strictObject({ code: z.string().max(16), personId: z.string().max(64), secret: childSecretSchema, guest: guestProofSchema.optional() });

export const POST: RequestHandler = async ({ request, cookies, locals, url }) => {
	const input = await readJson(request, body);
	if (!input.ok) return input.response;
	const result = await locals.auth.signInToClass(input.data);
	if (!result.ok) return authFailureResponse(result.failure);
	return json(issuedSessionBody(result.value, cookies, url), { headers: { 'cache-control': 'no-store' } });
};
