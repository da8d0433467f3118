import { signedInSession } from '$lib/server/access-policy';
import { certificateFailureResponse } from '$lib/server/failure-responses';
import { readJson } from '$lib/server/http';
import { certificatesService } from '$lib/server/services/wiring';
import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { credentialTexts, LOCALES } from './certificate-texts';
import type { RequestHandler } from './$types';

const body = z.strictObject({ courseId: z.string().max(100), locale: z.enum(LOCALES), name: z.string().max(200).optional() });

/** The caller's certificates and the completed mandatory courses they may still ask one for. */
export const GET: RequestHandler = async ({ locals }) => {
	return json(await certificatesService(credentialTexts).mine(signedInSession(locals)), { headers: { 'cache-control': 'no-store' } });
};

/** A certificate for a completed mandatory course: 201 when made now, 200 when the caller already had it. */
export const POST: RequestHandler = async ({ request, locals }) => {
	const input = await readJson(request, body);
	if (!input.ok) return input.response;
	const result = await certificatesService(credentialTexts).issueCourseCertificate(signedInSession(locals), input.data);
	if (!result.ok) return certificateFailureResponse(result.failure);
	return json(result.value.certificate, { status: result.value.created ? 201 : 200, headers: { 'cache-control': 'no-store' } });
};
