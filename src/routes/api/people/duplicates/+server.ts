import { mergesService } from '$lib/server/services/wiring';
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** People who may be one (same phone, or same name and school), flagged at registration, for a merge or a dismissal. */
export const GET: RequestHandler = async () => {
	return json({ duplicates: await mergesService().duplicates() }, { headers: { 'cache-control': 'no-store' } });
};
