import { classesService } from '$lib/server/services/wiring';
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** The class's assigned courses and learners × courses, read from the synced summaries (DESIGN §7: reports read summaries). */
export const GET: RequestHandler = async ({ params }) => {
	return json(await classesService().progress(params.classId), { headers: { 'cache-control': 'no-store' } });
};
