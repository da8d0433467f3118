import { classesService } from '$lib/server/services/wiring';
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** The class's learners; the access policy lets only its teacher or a programme administrator here. */
export const GET: RequestHandler = async ({ params }) => {
	return json({ learners: await classesService().roster(params.classId) }, { headers: { 'cache-control': 'no-store' } });
};
