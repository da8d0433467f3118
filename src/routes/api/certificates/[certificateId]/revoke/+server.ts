import { REVOCATION_REASONS } from '$lib/certificates/verify';
import { signedInSession } from '$lib/server/access-policy';
import { certificateFailureResponse } from '$lib/server/failure-responses';
import { readJson } from '$lib/server/http';
import { certificatesService } from '$lib/server/services/wiring';
import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { credentialTexts } from '../../certificate-texts';
import type { RequestHandler } from './$types';

const body = z.strictObject({ reason: z.enum(REVOCATION_REASONS), note: z.string().max(1000).optional() });

/** Revokes with a reason code (public) and an optional note (audit log only). */
export const POST: RequestHandler = async ({ request, locals, params }) => {
	const input = await readJson(request, body);
	if (!input.ok) return input.response;
	const result = await certificatesService(credentialTexts).revoke(signedInSession(locals), params.certificateId, input.data);
	if (!result.ok) return certificateFailureResponse(result.failure);
	return json(result.value);
};
