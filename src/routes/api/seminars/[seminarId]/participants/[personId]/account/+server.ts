import { signedInSession } from '$lib/server/access-policy';
import { seminarsFailureResponse } from '$lib/server/failure-responses';
import { readJson } from '$lib/server/http';
import { seminarsService } from '$lib/server/services/wiring';
import { json } from '@sveltejs/kit';
import { z } from 'zod';
import type { RequestHandler } from './$types';

const body = z.strictObject({ login: z.string().min(1).max(100) });

/** Gives a person created on the spot their own login and a temporary password (shown once, to hand over). */
export const POST: RequestHandler = async ({ request, params, locals }) => {
	const input = await readJson(request, body);
	if (!input.ok) return input.response;
	const result = await seminarsService().giveAccount(signedInSession(locals), params.seminarId, params.personId, input.data.login);
	if (!result.ok) return seminarsFailureResponse(result.failure);
	return json(result.value, { status: 201, headers: { 'cache-control': 'no-store' } });
};
