import { signedInSession } from '$lib/server/access-policy';
import { organisationFailureResponse } from '$lib/server/failure-responses';
import { readJson } from '$lib/server/http';
import { organisationsService } from '$lib/server/services/wiring';
import { json } from '@sveltejs/kit';
import { z } from 'zod';
import type { RequestHandler } from './$types';

const body = z.strictObject({ login: z.string().max(100) });

/** Makes the person who signs in with `login` an administrator of the organisation. */
export const POST: RequestHandler = async ({ request, locals, params }) => {
	const input = await readJson(request, body);
	if (!input.ok) return input.response;
	const result = await organisationsService().appointAdmin(signedInSession(locals), params.organisationId, input.data);
	if (!result.ok) return organisationFailureResponse(result.failure);
	return json(result.value, { status: 201 });
};
