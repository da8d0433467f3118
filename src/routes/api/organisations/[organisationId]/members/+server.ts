import { signedInSession } from '$lib/server/access-policy';
import { organisationFailureResponse } from '$lib/server/failure-responses';
import { apiError, readJson } from '$lib/server/http';
import { organisationsService } from '$lib/server/services/wiring';
import { json } from '@sveltejs/kit';
import { z } from 'zod';
import type { RequestHandler } from './$types';

const body = z.strictObject({ displayName: z.string().max(200), login: z.string().max(100) });

/** The organisation, its members and its administrators. */
export const GET: RequestHandler = async ({ params }) => {
	const service = organisationsService();
	const organisation = await service.find(params.organisationId);
	if (!organisation) return apiError(404, 'not-found', 'There is no such organisation.');
	return json({ organisation, ...(await service.members(params.organisationId)) }, { headers: { 'cache-control': 'no-store' } });
};

/** Adds one member: a new account with a temporary password, or an existing account by its login. */
export const POST: RequestHandler = async ({ request, locals, params }) => {
	const input = await readJson(request, body);
	if (!input.ok) return input.response;
	const result = await organisationsService().addMember(signedInSession(locals), params.organisationId, input.data);
	if (!result.ok) return organisationFailureResponse(result.failure);
	return json(result.value, { status: 201 });
};
