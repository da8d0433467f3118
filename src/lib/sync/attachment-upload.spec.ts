import { describe, expect, it } from 'vitest';
import type { AttachmentRow } from '$lib/storage/database';
import { uploadPendingAttachments } from './attachment-upload';

/** A server that keeps uploads in memory the way `/api/attachments` does, and can cut the link after some chunks. */
function fakeServer(options: { failAfterPatches?: number; refuse?: number } = {}) {
	const held = new Map<string, { bytes: number[]; length: number }>();
	const seen: { method: string; offset?: string; authorization?: string; credentials?: RequestCredentials }[] = [];
	let patches = 0;
	const fetchImpl = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
		const sha256 = String(input).split('/').at(-1)!;
		const headers = new Headers(init.headers);
		seen.push({ method: init.method!, offset: headers.get('upload-offset') ?? undefined, authorization: headers.get('authorization') ?? undefined, credentials: init.credentials });
		const upload = held.get(sha256);
		if (init.method === 'HEAD') {
			return upload ? new Response(null, { status: 200, headers: { 'upload-offset': String(upload.bytes.length), 'upload-length': String(upload.length) } }) : new Response(null, { status: 404 });
		}
		if (options.refuse) return new Response(JSON.stringify({ error: 'too-large' }), { status: options.refuse });
		if (options.failAfterPatches !== undefined && patches >= options.failAfterPatches) throw new TypeError('Failed to fetch');
		patches += 1;
		const offset = Number(headers.get('upload-offset'));
		const length = Number(headers.get('upload-length'));
		const current = upload ?? { bytes: [], length };
		if (offset !== current.bytes.length) return new Response(JSON.stringify({ error: 'offset-mismatch' }), { status: 409 });
		current.bytes.push(...new Uint8Array(await (init.body as Blob).arrayBuffer()));
		held.set(sha256, current);
		return new Response(null, { status: 204, headers: { 'upload-offset': String(current.bytes.length) } });
	}) as typeof fetch;
	return { fetchImpl, held, seen };
}

function queue(rows: AttachmentRow[]) {
	const uploaded: string[] = [];
	const refused: string[] = [];
	return {
		uploaded,
		refused,
		deps: {
			pending: async () => rows.filter((row) => !uploaded.includes(row.sha256) && !refused.includes(row.sha256)),
			markUploaded: async (sha256: string) => void uploaded.push(sha256),
			markRefused: async (sha256: string) => void refused.push(sha256)
		}
	};
}

const photo = (sha256: string, size: number): AttachmentRow => ({
	sha256,
	blob: new Blob([new Uint8Array(Array.from({ length: size }, (_, index) => index % 256))], { type: 'image/jpeg' }),
	contentType: 'image/jpeg',
	bytes: size,
	createdAt: '2026-05-05T10:00:00.000Z',
	uploadOwner: 'aida',
	uploadedAt: null
});

describe('sending waiting photos', () => {
	it('sends each photo in chunks under the profile token, never the cookie', async () => {
		const server = fakeServer();
		const photos = queue([photo('a'.repeat(64), 250)]);
		const outcome = await uploadPendingAttachments({ ...photos.deps, fetch: server.fetchImpl, chunkBytes: 100 }, 'token-aida', ['aida']);
		expect(outcome).toEqual({ kind: 'done', uploaded: 1 });
		expect(server.held.get('a'.repeat(64))!.bytes).toHaveLength(250);
		expect(server.seen.map((call) => `${call.method} ${call.offset ?? ''}`)).toEqual(['HEAD ', 'PATCH 0', 'PATCH 100', 'PATCH 200']);
		expect(server.seen.every((call) => call.authorization === 'Bearer token-aida' && call.credentials === 'omit')).toBe(true);
	});

	it('stops when the link drops, and next time resumes from what the server holds', async () => {
		const server = fakeServer({ failAfterPatches: 2 });
		const photos = queue([photo('b'.repeat(64), 450)]);
		expect(await uploadPendingAttachments({ ...photos.deps, fetch: server.fetchImpl, chunkBytes: 100 }, 't', ['aida'])).toMatchObject({ kind: 'retry' });
		expect(photos.uploaded).toEqual([]);

		const resumed = fakeServer();
		resumed.held.set('b'.repeat(64), server.held.get('b'.repeat(64))!);
		expect(await uploadPendingAttachments({ ...photos.deps, fetch: resumed.fetchImpl, chunkBytes: 100 }, 't', ['aida'])).toEqual({ kind: 'done', uploaded: 1 });
		expect(resumed.seen.map((call) => `${call.method} ${call.offset ?? ''}`)).toEqual(['HEAD ', 'PATCH 200', 'PATCH 300', 'PATCH 400']);
		expect(resumed.held.get('b'.repeat(64))!.bytes).toEqual([...new Uint8Array(await photo('b', 450).blob.arrayBuffer())]);
	});

	it('marks a photo the server already holds as sent without sending it again', async () => {
		const server = fakeServer();
		server.held.set('c'.repeat(64), { bytes: new Array(120).fill(0), length: 120 });
		const photos = queue([photo('c'.repeat(64), 120)]);
		expect(await uploadPendingAttachments({ ...photos.deps, fetch: server.fetchImpl }, 't', ['aida'])).toEqual({ kind: 'done', uploaded: 1 });
		expect(server.seen.map((call) => call.method)).toEqual(['HEAD']);
	});

	it('sets aside a photo the server refuses for good, so the events behind it still go', async () => {
		const server = fakeServer({ refuse: 413 });
		const photos = queue([photo('d'.repeat(64), 120)]);
		expect(await uploadPendingAttachments({ ...photos.deps, fetch: server.fetchImpl }, 't', ['aida'])).toEqual({ kind: 'done', uploaded: 0 });
		expect(photos.refused).toEqual(['d'.repeat(64)]);
	});
});
