import { apiError } from '$lib/server/http';
import { organisationsService } from '$lib/server/services/wiring';
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** The organisation's audit entries, newest first, 200 at a time (`before` pages back). */
export const GET: RequestHandler = async ({ params, url }) => {
	const before = url.searchParams.get('before') ?? undefined;
	if (before !== undefined && Number.isNaN(Date.parse(before))) return apiError(400, 'invalid-input', 'before: not a date-time');
	return json({ entries: await organisationsService().audit(params.organisationId, before) }, { headers: { 'cache-control': 'no-store' } });
};
