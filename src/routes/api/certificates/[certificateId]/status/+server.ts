import { apiError } from '$lib/server/http';
import { certificatesService } from '$lib/server/services/wiring';
import { json } from '@sveltejs/kit';
import { credentialTexts } from '../../certificate-texts';
import type { RequestHandler } from './$types';

/** Public: whether a certificate stands (the verify page asks when online). Never cached: a revocation must show. */
export const GET: RequestHandler = async ({ params }) => {
	const status = await certificatesService(credentialTexts).status(params.certificateId);
	if (!status) return apiError(404, 'not-found', 'This server issued no certificate with this id.', { 'cache-control': 'no-store' });
	return json(status, { headers: { 'cache-control': 'no-store' } });
};
