import { signedInSession } from '$lib/server/access-policy';
import { apiError } from '$lib/server/http';
import { programmeService } from '$lib/server/services/wiring';
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The people behind "teachers trained": `?region=`, `?month=YYYY-MM` (of first completion), `?seminar=`. */
export const GET: RequestHandler = async ({ url, locals }) => {
	const month = url.searchParams.get('month') ?? undefined;
	if (month !== undefined && !MONTH.test(month)) return apiError(400, 'month-invalid', 'month must be YYYY-MM.');
	const people = await programmeService(signedInSession(locals)).people({
		regionCode: url.searchParams.get('region') ?? undefined,
		month,
		seminarId: url.searchParams.get('seminar') ?? undefined
	});
	return json({ people }, { headers: { 'cache-control': 'no-store' } });
};
