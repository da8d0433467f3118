import { signedInSession } from '$lib/server/access-policy';
import { mergeFailureResponse } from '$lib/server/failure-responses';
import { mergesService } from '$lib/server/services/wiring';
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** Undoes a merge: the alias goes, both people's records are rebuilt from their own events. */
export const POST: RequestHandler = async ({ params, locals }) => {
	const result = await mergesService().undo(signedInSession(locals), params.aliasId);
	if (!result.ok) return mergeFailureResponse(result.failure);
	return json(result.value);
};
