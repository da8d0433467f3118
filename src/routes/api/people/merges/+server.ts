import { signedInSession } from '$lib/server/access-policy';
import { mergeFailureResponse } from '$lib/server/failure-responses';
import { readJson } from '$lib/server/http';
import { mergesService } from '$lib/server/services/wiring';
import { json } from '@sveltejs/kit';
import { z } from 'zod';
import type { RequestHandler } from './$types';

const body = z.strictObject({ fromPersonId: z.string().min(1).max(128), intoPersonId: z.string().min(1).max(128) });

/** Merges a provisional person into an existing one: an alias, audited, undoable; no event is rewritten. */
export const POST: RequestHandler = async ({ request, locals }) => {
	const input = await readJson(request, body);
	if (!input.ok) return input.response;
	const result = await mergesService().merge(signedInSession(locals), input.data);
	if (!result.ok) return mergeFailureResponse(result.failure);
	return json(result.value, { status: 201 });
};
