import { signedInSession } from '$lib/server/access-policy';
import { certificateFailureResponse, seminarsFailureResponse } from '$lib/server/failure-responses';
import { readJson } from '$lib/server/http';
import { certificatesService, seminarsService } from '$lib/server/services/wiring';
import { catalogue } from 'virtual:taza/catalogue';
import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { credentialTexts, LOCALES } from '../../../certificates/certificate-texts';
import type { RequestHandler } from './$types';

const body = z.strictObject({ seminarId: z.string().min(1).max(128), locale: z.enum(LOCALES) });

/** The caller's own training certificate, once they met the seminar's rule: 201 when made now, 200 when they had it. */
export const POST: RequestHandler = async ({ request, locals }) => {
	const input = await readJson(request, body);
	if (!input.ok) return input.response;
	const session = signedInSession(locals);
	const allowed = await seminarsService().certifiable(session, input.data.seminarId, session.personId);
	if (!allowed.ok) return seminarsFailureResponse(allowed.failure);
	const course = catalogue.courses.find((candidate) => candidate.id === allowed.value.programmeId);
	if (!course) return seminarsFailureResponse({ code: 'not-found' });
	const result = await certificatesService(credentialTexts).issueTrainingCertificate({
		personId: allowed.value.personId,
		programmeId: course.id,
		programmeName: course.locales[input.data.locale].title,
		version: course.version,
		locale: input.data.locale,
		issuedBy: null
	});
	if (!result.ok) return certificateFailureResponse(result.failure);
	return json(result.value.certificate, { status: result.value.created ? 201 : 200, headers: { 'cache-control': 'no-store' } });
};
