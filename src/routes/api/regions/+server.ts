import { REGIONS } from '$lib/server/db/reference-data';
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** Kyrgyzstan's regions and cities of republican significance, in the official order. */
export const GET: RequestHandler = async () => {
	return json({
		regions: REGIONS.map((region) => ({ code: region.code, name: { ky: region.nameKy, ru: region.nameRu, en: region.nameEn } }))
	});
};
