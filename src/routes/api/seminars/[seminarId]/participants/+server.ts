import { signedInSession } from '$lib/server/access-policy';
import { seminarsFailureResponse } from '$lib/server/failure-responses';
import { readJson } from '$lib/server/http';
import { seminarsService } from '$lib/server/services/wiring';
import { UUID_V7_PATTERN } from '$lib/utils/ids';
import { parseLogin } from '$lib/identity/login';
import { json } from '@sveltejs/kit';
import { z } from 'zod';
import type { RequestHandler } from './$types';

const personId = z.string().min(1).max(128);
const registration = z.union([
	z.strictObject({
		// A person made on the trainer's device: a UUIDv7 like every id made offline.
		personId: z.string().regex(UUID_V7_PATTERN, 'must be a lowercase UUIDv7'),
		provisional: z.strictObject({
			displayName: z.string().trim().min(1).max(120),
			phone: z
				.string()
				.trim()
				.regex(/^\+?[0-9 ()-]{6,20}$/, 'must be a phone number')
				// Stored as a phone login is (+996…), so it matches the person's own account when they have one.
				.transform((phone) => {
					const login = parseLogin(phone);
					return 'problem' in login || login.kind !== 'phone' ? phone.replace(/[^0-9+]/g, '') : login.value;
				})
				.nullable(),
			schoolCode: z.string().min(1).max(40)
		})
	}),
	z.strictObject({ personId })
]);
const body = z.strictObject({ participants: z.array(registration).min(1).max(200) });

/** Registrations a trainer's device queued, offline too; idempotent by person id, so a resend changes nothing. */
export const POST: RequestHandler = async ({ request, params, locals }) => {
	const input = await readJson(request, body, 128 * 1024);
	if (!input.ok) return input.response;
	const result = await seminarsService().register(signedInSession(locals), params.seminarId, input.data.participants);
	if (!result.ok) return seminarsFailureResponse(result.failure);
	return json(result.value);
};
