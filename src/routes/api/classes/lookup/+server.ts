import { apiError, readJson } from '$lib/server/http';
import { json } from '@sveltejs/kit';
import { z } from 'zod';
import type { RequestHandler } from './$types';

const body = z.strictObject({ code: z.string().max(16) });

/** A class and the names in it, for a child who has its code and is about to join or sign in. */
export const POST: RequestHandler = async ({ request, locals }) => {
	const input = await readJson(request, body);
	if (!input.ok) return input.response;
	const found = await locals.auth.classForCode(input.data.code);
	if (!found) return apiError(404, 'unknown-class', 'No class has this code.');
	return json(found, { headers: { 'cache-control': 'no-store' } });
};
