/**
 * Whether one chunk of an attachment upload may be written (pure): the headers a client sends, checked against what
 * the server already holds. The protocol is a small subset of tus: `HEAD` says how many bytes are held, `PATCH`
 * appends at exactly that offset, and the finished file must hash to its name.
 */
import { isAttachmentType, isContentHash, MAX_ATTACHMENT_BYTES, UPLOAD_CHUNK_BYTES } from '$lib/progress/attachments';

export interface HeldUpload {
	offset: number;
	length: number;
	contentType: string;
	complete: boolean;
}

export interface ChunkRequest {
	sha256: string;
	offset: string | null;
	length: string | null;
	contentType: string | null;
	chunkBytes: number;
}

export type ChunkDecision =
	| { ok: true; offset: number; length: number; contentType: string; complete: boolean }
	| { ok: false; status: 400 | 409 | 413 | 415; code: string; message: string };

const wholeNumber = (value: string | null): number | null => (value !== null && /^\d{1,12}$/.test(value.trim()) ? Number(value.trim()) : null);

/** Accepts at most this much per request (a chunk of the client's size, with room). */
export const MAX_CHUNK_BYTES = 2 * UPLOAD_CHUNK_BYTES;

export function decideChunk(request: ChunkRequest, held: HeldUpload | null, limit = MAX_ATTACHMENT_BYTES): ChunkDecision {
	if (!isContentHash(request.sha256)) return { ok: false, status: 400, code: 'invalid-hash', message: 'The name must be the SHA-256 of the file, in lowercase hex.' };
	const contentType = (request.contentType ?? '').split(';')[0]!.trim().toLowerCase();
	if (!isAttachmentType(contentType)) return { ok: false, status: 415, code: 'unsupported-type', message: 'Send a photo: image/jpeg, image/webp or image/png.' };
	const offset = wholeNumber(request.offset);
	const length = wholeNumber(request.length);
	if (offset === null || length === null || length === 0) {
		return { ok: false, status: 400, code: 'invalid-headers', message: 'Upload-Offset and Upload-Length must be whole numbers, and the length more than 0.' };
	}
	if (length > limit) return { ok: false, status: 413, code: 'too-large', message: `A photo may be at most ${limit} bytes.` };
	if (request.chunkBytes > MAX_CHUNK_BYTES) return { ok: false, status: 413, code: 'chunk-too-large', message: `Send at most ${MAX_CHUNK_BYTES} bytes at a time.` };
	if (held?.complete) {
		// Already here, whoever sent it: a repeat is answered as done (idempotent), whatever offset it names.
		return { ok: true, offset: held.length, length: held.length, contentType: held.contentType, complete: true };
	}
	if (held && (held.length !== length || held.contentType !== contentType)) {
		return { ok: false, status: 409, code: 'upload-mismatch', message: `This upload was started with ${held.length} bytes of ${held.contentType}.` };
	}
	const serverOffset = held?.offset ?? 0;
	if (offset !== serverOffset) {
		return { ok: false, status: 409, code: 'offset-mismatch', message: `The server holds ${serverOffset} bytes: continue from there (HEAD tells).` };
	}
	if (request.chunkBytes === 0 || offset + request.chunkBytes > length) {
		return { ok: false, status: 400, code: 'invalid-chunk', message: 'The chunk must hold at least one byte and end within Upload-Length.' };
	}
	return { ok: true, offset, length, contentType, complete: false };
}
