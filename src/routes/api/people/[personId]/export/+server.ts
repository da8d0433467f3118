import { signedInSession } from '$lib/server/access-policy';
import { apiError } from '$lib/server/http';
import { peopleService } from '$lib/server/services/wiring';
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** Everything the server holds about a person, as a JSON file to download. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const data = await peopleService().exportData(signedInSession(locals), params.personId);
	if (!data) return apiError(404, 'not-found', 'There is no such person.');
	return json(data, {
		headers: { 'cache-control': 'no-store', 'content-disposition': `attachment; filename="taza-person-${params.personId}.json"` }
	});
};
