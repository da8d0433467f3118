import { peopleService } from '$lib/server/services/wiring';
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** Finds people by phone, username or part of the name (`q`, at least 2 characters). */
export const GET: RequestHandler = async ({ url }) => {
	const query = (url.searchParams.get('q') ?? '').slice(0, 100);
	return json({ people: await peopleService().search(query) }, { headers: { 'cache-control': 'no-store' } });
};
