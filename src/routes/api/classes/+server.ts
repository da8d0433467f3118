import { signedInSession } from '$lib/server/access-policy';
import { apiError, readJson } from '$lib/server/http';
import { classesService } from '$lib/server/services/wiring';
import { json } from '@sveltejs/kit';
import { z } from 'zod';
import type { RequestHandler } from './$types';

const body = z.strictObject({ name: z.string().max(200) });

/** The classes the caller teaches, with their join codes. */
export const GET: RequestHandler = async ({ locals }) => {
	return json({ classes: await classesService().mine(signedInSession(locals)) }, { headers: { 'cache-control': 'no-store' } });
};

/** Opens a class: the caller becomes its teacher and gets a join code for the children. */
export const POST: RequestHandler = async ({ request, locals }) => {
	const input = await readJson(request, body);
	if (!input.ok) return input.response;
	const result = await classesService().open(signedInSession(locals), input.data);
	if (!result.ok) return apiError(400, result.code, 'A class name has 1 to 80 characters.');
	return json(result.class, { status: 201 });
};
