import { organisationsService } from '$lib/server/services/wiring';
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** Members × mandatory courses: completed, in progress, not started or overdue, from the synced summaries. */
export const GET: RequestHandler = async ({ params }) => {
	return json(await organisationsService().compliance(params.organisationId), { headers: { 'cache-control': 'no-store' } });
};
