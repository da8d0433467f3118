import { signedInSession } from '$lib/server/access-policy';
import { organisationFailureResponse } from '$lib/server/failure-responses';
import { readJson } from '$lib/server/http';
import { organisationsService } from '$lib/server/services/wiring';
import { json } from '@sveltejs/kit';
import { z } from 'zod';
import type { RequestHandler } from './$types';

const body = z.strictObject({
	name: z.string().max(300),
	kind: z.enum(['ministry', 'agency', 'municipality', 'other']),
	regionCode: z.string().max(40)
});

/** The organisations the caller administers (all of them for a programme administrator). */
export const GET: RequestHandler = async ({ locals }) => {
	return json({ organisations: await organisationsService().administeredBy(signedInSession(locals)) }, { headers: { 'cache-control': 'no-store' } });
};

export const POST: RequestHandler = async ({ request, locals }) => {
	const input = await readJson(request, body);
	if (!input.ok) return input.response;
	const result = await organisationsService().create(signedInSession(locals), input.data);
	if (!result.ok) return organisationFailureResponse(result.failure);
	return json(result.value, { status: 201 });
};
