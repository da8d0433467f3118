/**
 * Sends a profile's waiting photos before its events (DESIGN §3): each by its hash, resuming from the offset the
 * server holds (`HEAD`), a chunk per `PATCH`, under that profile's token and never the page cookie. A photo the
 * server refuses for good is set aside so it never blocks the events behind it; anything else ends the pass.
 */
import { nextChunk, UPLOAD_CHUNK_BYTES } from '$lib/progress/attachments';
import type { AttachmentRow } from '$lib/storage/database';

export interface AttachmentUploadDependencies {
	pending: (ownerIds: readonly string[]) => Promise<AttachmentRow[]>;
	markUploaded: (sha256: string) => Promise<void>;
	markRefused: (sha256: string, reason: string) => Promise<void>;
	fetch?: typeof fetch;
	baseUrl?: string;
	chunkBytes?: number;
	timeoutMs?: number;
}

export type UploadOutcome = { kind: 'done'; uploaded: number } | { kind: 'signed-out' } | { kind: 'retry'; reason: string; uploaded: number };

/** A refusal that sending again cannot change: the file itself is wrong for the server. */
const FOR_GOOD = new Set([400, 413, 415, 422]);
/** 409s in a row before giving up this pass (another device or tab is sending the same photo). */
const MAX_CONFLICTS = 3;

export async function uploadPendingAttachments(deps: AttachmentUploadDependencies, token: string, ownerIds: readonly string[]): Promise<UploadOutcome> {
	const fetchImpl = deps.fetch ?? ((input, init) => fetch(input, init));
	const chunkBytes = deps.chunkBytes ?? UPLOAD_CHUNK_BYTES;
	const url = (sha256: string) => `${deps.baseUrl ?? ''}/api/attachments/${sha256}`;
	const call = (sha256: string, init: RequestInit) =>
		fetchImpl(url(sha256), {
			...init,
			credentials: 'omit',
			headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` },
			signal: AbortSignal.timeout(deps.timeoutMs ?? 60_000)
		});
	let uploaded = 0;

	for (const row of await deps.pending(ownerIds)) {
		let conflicts = 0;
		let offset: number | null = null;
		for (;;) {
			let response: Response;
			try {
				if (offset === null) {
					response = await call(row.sha256, { method: 'HEAD' });
					if (response.status === 404) {
						offset = 0;
						continue;
					}
					if (response.ok) {
						offset = Number(response.headers.get('upload-offset') ?? 0);
						if (Number(response.headers.get('upload-length')) !== row.bytes) offset = 0;
						else if (offset >= row.bytes) {
							await deps.markUploaded(row.sha256);
							uploaded += 1;
							break;
						}
						continue;
					}
				} else {
					const chunk = nextChunk(row.bytes, offset, chunkBytes);
					if (!chunk) {
						await deps.markUploaded(row.sha256);
						uploaded += 1;
						break;
					}
					response = await call(row.sha256, {
						method: 'PATCH',
						headers: { 'content-type': row.contentType, 'upload-offset': String(chunk.start), 'upload-length': String(row.bytes) },
						body: row.blob.slice(chunk.start, chunk.end)
					});
					if (response.status === 204) {
						offset = Number(response.headers.get('upload-offset') ?? chunk.end);
						continue;
					}
					if (response.status === 409 && conflicts < MAX_CONFLICTS) {
						conflicts += 1;
						offset = null;
						continue;
					}
				}
			} catch (error) {
				return { kind: 'retry', reason: error instanceof Error ? error.name : 'network', uploaded };
			}
			if (response.status === 401) return { kind: 'signed-out' };
			if (FOR_GOOD.has(response.status)) {
				const code = ((await response.json().catch(() => ({}))) as { error?: string }).error ?? `HTTP ${response.status}`;
				await deps.markRefused(row.sha256, code);
				break;
			}
			return { kind: 'retry', reason: `attachment HTTP ${response.status}`, uploaded };
		}
	}
	return { kind: 'done', uploaded };
}
