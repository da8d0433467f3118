import { apiError, readJson } from '$lib/server/http';
import { devicesService } from '$lib/server/services/wiring';
import { json } from '@sveltejs/kit';
import { z } from 'zod';
import type { RequestHandler } from './$types';

const opaqueId = z.string().regex(/^[\w-]{8,64}$/, 'must be 8–64 letters, digits, _ or -');
const body = z.strictObject({
	deviceId: opaqueId,
	secret: z.string().min(32).max(128),
	learnerIds: z.array(opaqueId).max(20).default([])
});

export const POST: RequestHandler = async ({ request }) => {
	const input = await readJson(request, body);
	if (!input.ok) return input.response;
	const result = await devicesService().enrol(input.data);
	if (!result.ok) return apiError(403, result.code, 'This device id is enrolled with another secret.');
	return json({ claimed: result.claimed, refused: result.refused });
};
