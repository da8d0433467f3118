import { signedInSession } from '$lib/server/access-policy';
import { apiError } from '$lib/server/http';
import { attachmentsService } from '$lib/server/services/wiring';
import { isContentHash } from '$lib/progress/attachments';
import { MAX_CHUNK_BYTES } from '$lib/server/attachments/upload-rules';
import type { RequestHandler } from './$types';

const NO_STORE = { 'cache-control': 'no-store' };

/** How much of an upload the server holds: `Upload-Offset` of `Upload-Length` bytes, or 404 when none was begun. */
export const HEAD: RequestHandler = async ({ params }) => {
	const state = isContentHash(params.sha256) ? await attachmentsService().status(params.sha256) : undefined;
	if (!state) return new Response(null, { status: 404, headers: NO_STORE });
	return new Response(null, { status: 200, headers: { ...NO_STORE, 'upload-offset': String(state.offset), 'upload-length': String(state.length) } });
};

/** One chunk at `Upload-Offset` (DESIGN §3): 204 with the new offset; 409 when the offset is not the server's. */
export const PATCH: RequestHandler = async ({ params, request, locals }) => {
	const declared = Number(request.headers.get('content-length') ?? 0);
	if (declared > MAX_CHUNK_BYTES) return apiError(413, 'chunk-too-large', `Send at most ${MAX_CHUNK_BYTES} bytes at a time.`);
	const chunk = new Uint8Array(await request.arrayBuffer());
	const result = await attachmentsService().writeChunk(signedInSession(locals), {
		sha256: params.sha256,
		offset: request.headers.get('upload-offset'),
		length: request.headers.get('upload-length'),
		contentType: request.headers.get('content-type'),
		chunk
	});
	if (!result.ok) return apiError(result.failure.status, result.failure.code, result.failure.message, NO_STORE);
	return new Response(null, { status: 204, headers: { ...NO_STORE, 'upload-offset': String(result.value.offset), 'upload-length': String(result.value.length) } });
};

/** The photo, for its owners, their seminar's trainers and programme administrators. */
export const GET: RequestHandler = async ({ params, locals }) => {
	if (!isContentHash(params.sha256)) return apiError(404, 'not-found', 'There is no such attachment you may read.');
	const result = await attachmentsService().read(signedInSession(locals), params.sha256);
	if (!result.ok) return apiError(result.failure.status, result.failure.code, result.failure.message);
	// The name is the content's hash: the bytes behind it never change.
	return new Response(result.value.body, {
		headers: { 'content-type': result.value.contentType, 'content-length': String(result.value.bytes), 'cache-control': 'private, max-age=31536000, immutable', 'x-content-type-options': 'nosniff' }
	});
};
