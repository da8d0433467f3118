import { signedInSession } from '$lib/server/access-policy';
import { apiError, readMaybeGzippedJson } from '$lib/server/http';
import { syncService } from '$lib/server/services/wiring';
import { MAX_PUSH_BYTES, pushRequestSchema } from '$lib/progress/sync-protocol';
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** A batch of the caller's events: stored exactly as sent, once each; the answer comes after the commit (docs/sync.md). */
export const POST: RequestHandler = async ({ request, locals }) => {
	const input = await readMaybeGzippedJson(request, pushRequestSchema, MAX_PUSH_BYTES);
	if (!input.ok) return input.response;
	const result = await syncService().push(signedInSession(locals), input.data);
	if (!result.ok) {
		return apiError(426, result.failure.code, `This app is too old for the server (protocol ${result.failure.oldestSupported} or newer): update it; nothing was lost.`);
	}
	return json(result.value, { headers: { 'cache-control': 'no-store' } });
};
