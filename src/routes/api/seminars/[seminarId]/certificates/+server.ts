import { signedInSession } from '$lib/server/access-policy';
import { certificateFailureResponse, seminarsFailureResponse } from '$lib/server/failure-responses';
import { readJson } from '$lib/server/http';
import { catalogue } from 'virtual:taza/catalogue';
import { certificatesService, seminarsService } from '$lib/server/services/wiring';
import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { credentialTexts, LOCALES } from '../../../certificates/certificate-texts';
import type { RequestHandler } from './$types';

const body = z.strictObject({ personId: z.string().min(1).max(128), locale: z.enum(LOCALES) });

/**
 * A trainer issues the training certificate of a participant who met the seminar's rule: 201 when made now, 200 when
 * the person already had it (one per person, programme and version, whoever asks).
 */
export const POST: RequestHandler = async ({ request, params, locals }) => {
	const input = await readJson(request, body);
	if (!input.ok) return input.response;
	const session = signedInSession(locals);
	const allowed = await seminarsService().certifiable(session, params.seminarId, input.data.personId);
	if (!allowed.ok) return seminarsFailureResponse(allowed.failure);
	const course = catalogue.courses.find((candidate) => candidate.id === allowed.value.programmeId);
	if (!course) return seminarsFailureResponse({ code: 'not-found' });
	const result = await certificatesService(credentialTexts).issueTrainingCertificate({
		personId: allowed.value.personId,
		programmeId: course.id,
		programmeName: course.locales[input.data.locale].title,
		version: course.version,
		locale: input.data.locale,
		issuedBy: { accountId: session.accountId }
	});
	if (!result.ok) return certificateFailureResponse(result.failure);
	return json(result.value.certificate, { status: result.value.created ? 201 : 200, headers: { 'cache-control': 'no-store' } });
};
