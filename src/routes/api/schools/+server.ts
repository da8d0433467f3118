import { schoolsService } from '$lib/server/services/wiring';
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** Schools for a picker: `?region=<code>` and `?q=<part of the name, district or code>`; at most 50. */
export const GET: RequestHandler = async ({ url }) => {
	const schools = await schoolsService().search({ regionCode: url.searchParams.get('region') ?? undefined, query: url.searchParams.get('q') ?? undefined });
	return json({ schools });
};
