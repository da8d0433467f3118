import { apiError } from '$lib/server/http';
import { assignmentsService } from '$lib/server/services/wiring';
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** The seminar's participants' latest practical assignments with their latest reviews, for the trainers to review. */
export const GET: RequestHandler = async ({ params }) => {
	const found = await assignmentsService().forSeminar(params.seminarId);
	if (!found) return apiError(404, 'not-found', 'There is no such seminar.');
	return json(found, { headers: { 'cache-control': 'no-store' } });
};
