/**
 * Assignment photos as attachments (DESIGN §3): resized on the device, named by their SHA-256, uploaded apart from
 * the events in chunks that resume from the server's `Upload-Offset`. The limits here are the server's too.
 */

/** What a participant may attach: photos, in the formats every phone and browser makes. */
export const ATTACHMENT_TYPES = ['image/jpeg', 'image/webp', 'image/png'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

/** One photo after the device resized it is a few hundred KiB; anything past this is refused (413). */
export const MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024;

/** A chunk small enough to finish on a weak rural link and to resend cheaply when it is cut. */
export const UPLOAD_CHUNK_BYTES = 256 * 1024;

/** The longest side of a photo as it is kept and sent: enough to read a lesson plan on a board. */
export const PHOTO_MAX_SIDE = 1600;
export const PHOTO_JPEG_QUALITY = 0.8;

const HASH = /^[0-9a-f]{64}$/;

export function isContentHash(value: string): boolean {
	return HASH.test(value);
}

export function isAttachmentType(value: string): value is AttachmentType {
	return (ATTACHMENT_TYPES as readonly string[]).includes(value);
}

/** The size a photo is drawn at: its long side at most `maxSide`, the proportions kept, never enlarged. */
export function fitWithin(width: number, height: number, maxSide = PHOTO_MAX_SIDE): { width: number; height: number } {
	const long = Math.max(width, height);
	if (long <= maxSide || long === 0) return { width, height };
	const scale = maxSide / long;
	return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** The next byte range to send, given how much the server holds; null when it holds everything. */
export function nextChunk(length: number, serverOffset: number, chunkBytes = UPLOAD_CHUNK_BYTES): { start: number; end: number } | null {
	if (serverOffset >= length) return null;
	const start = Math.max(0, serverOffset);
	return { start, end: Math.min(length, start + chunkBytes) };
}

/** The whole upload from an offset on, chunk by chunk: what a resumed upload still has to send. */
export function uploadPlan(length: number, serverOffset: number, chunkBytes = UPLOAD_CHUNK_BYTES): { start: number; end: number }[] {
	const plan: { start: number; end: number }[] = [];
	for (let chunk = nextChunk(length, serverOffset, chunkBytes); chunk; chunk = nextChunk(length, chunk.end, chunkBytes)) plan.push(chunk);
	return plan;
}

/** Lowercase hex of a digest. */
export function toHex(bytes: ArrayBuffer | Uint8Array): string {
	return [...(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes))].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
