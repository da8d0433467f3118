import { getLocale } from '$lib/paraglide/runtime';
import type { RequestHandler } from './$types';

/**
 * `/` has no language of its own: send the visitor to the one they chose before (cookie), else the first of their
 * browser's languages we have, else Kyrgyz. The service worker does the same offline.
 */
export const GET: RequestHandler = () =>
	new Response(null, {
		status: 307,
		headers: { location: `/${getLocale()}`, vary: 'Cookie, Accept-Language', 'cache-control': 'no-store' }
	});
