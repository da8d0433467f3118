import { signedInSession } from '$lib/server/access-policy';
import { apiError, compressedJson, readMaybeGzippedJson } from '$lib/server/http';
import { syncService } from '$lib/server/services/wiring';
import { pullRequestSchema } from '$lib/progress/sync-protocol';
import type { RequestHandler } from './$types';

const MAX_PULL_REQUEST_BYTES = 64 * 1024;

/** What changed in every partition the caller may read, after the cursors it sends (docs/sync.md). */
export const POST: RequestHandler = async ({ request, locals }) => {
	const input = await readMaybeGzippedJson(request, pullRequestSchema, MAX_PULL_REQUEST_BYTES);
	if (!input.ok) return input.response;
	const result = await syncService().pull(signedInSession(locals), input.data);
	if (!result.ok) {
		return apiError(426, result.failure.code, `This app is too old for the server (protocol ${result.failure.oldestSupported} or newer): update it; nothing was lost.`);
	}
	return compressedJson(request, result.value, { 'cache-control': 'no-store' });
};
