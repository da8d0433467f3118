import { apiError } from '$lib/server/http';
import { questChoicesService } from '$lib/server/services/wiring';
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** "What others chose" in a quest: how many plays took each option at each decision. Anonymous counts only. */
export const GET: RequestHandler = async ({ params }) => {
	const found = await questChoicesService().choicesOf(params.questId);
	if (!found.ok) return apiError(400, 'invalid-quest-id', found.message);
	// Shared caches may hold it briefly: the figures change slowly and carry nothing personal.
	return json(found.value, { headers: { 'cache-control': 'public, max-age=60' } });
};
