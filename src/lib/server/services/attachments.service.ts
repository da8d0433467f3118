import { holdsRole } from '$lib/identity/memberships';
import type { AttachmentStore } from '../attachments/attachment-store';
import { decideChunk } from '../attachments/upload-rules';
import type { AttachmentsRepo } from '../repos/attachments.repo';
import type { MembershipsRepo } from '../repos/memberships.repo';
import type { CurrentSession } from './auth.service';

export interface AttachmentsDependencies {
	attachments: AttachmentsRepo;
	store: AttachmentStore;
	memberships: Pick<MembershipsRepo, 'forPerson'>;
	/** Serialises the work on one attachment (two chunks at one offset must not both append). */
	lock: <T>(sha256: string, work: () => Promise<T>) => Promise<T>;
	now: () => Date;
}

export type UploadState = { offset: number; length: number; contentType: string };

export type AttachmentsFailure = { status: 400 | 404 | 409 | 413 | 415 | 422; code: string; message: string };

type Result<T> = { ok: true; value: T } | { ok: false; failure: AttachmentsFailure };

const NOT_FOUND: AttachmentsFailure = { status: 404, code: 'not-found', message: 'There is no such attachment you may read.' };

/**
 * Assignment photos (DESIGN §3): uploaded apart from events, chunk by chunk, resumable from the server's offset;
 * stored once by content hash however many people send them; read back by their owners, the trainers of a seminar an
 * owner takes part in, and programme administrators.
 */
export function createAttachmentsService(deps: AttachmentsDependencies) {
	async function held(sha256: string) {
		const row = await deps.attachments.find(sha256);
		if (!row) return null;
		const complete = row.completedAt !== null;
		return { offset: complete ? row.bytes : await deps.store.partBytes(sha256), length: row.bytes, contentType: row.contentType, complete };
	}

	return {
		/** How many bytes the server holds (all of them once complete); none for an upload never begun. */
		async status(sha256: string): Promise<UploadState | undefined> {
			const state = await held(sha256);
			return state ? { offset: state.offset, length: state.length, contentType: state.contentType } : undefined;
		},

		async writeChunk(
			caller: CurrentSession,
			input: { sha256: string; offset: string | null; length: string | null; contentType: string | null; chunk: Uint8Array }
		): Promise<Result<UploadState>> {
			return deps.lock(input.sha256, async () => {
				const before = await held(input.sha256).catch(() => null);
				const decision = decideChunk({ ...input, chunkBytes: input.chunk.byteLength }, before);
				if (!decision.ok) return { ok: false, failure: decision };
				const at = deps.now().toISOString();
				if (decision.complete) {
					// A photo someone already sent: this person sent it too, and may read it back.
					await deps.attachments.addUploader(input.sha256, caller.personId, at);
					return { ok: true, value: { offset: decision.length, length: decision.length, contentType: decision.contentType } };
				}
				if (!before) await deps.attachments.begin({ sha256: input.sha256, contentType: decision.contentType, bytes: decision.length, personId: caller.personId, at });
				else await deps.attachments.addUploader(input.sha256, caller.personId, at);
				const offset = await deps.store.writeChunk(input.sha256, decision.offset, input.chunk);
				if (offset < decision.length) return { ok: true, value: { offset, length: decision.length, contentType: decision.contentType } };
				if (!(await deps.store.complete(input.sha256))) {
					await deps.attachments.remove(input.sha256);
					return { ok: false, failure: { status: 422, code: 'hash-mismatch', message: 'The bytes do not hash to the name they were sent under; nothing was kept. Send the file again.' } };
				}
				await deps.attachments.complete(input.sha256, at);
				return { ok: true, value: { offset, length: decision.length, contentType: decision.contentType } };
			});
		},

		/** The photo, for someone who may see it; anyone else is told it does not exist. */
		async read(caller: CurrentSession, sha256: string): Promise<Result<{ contentType: string; bytes: number; body: ReadableStream<Uint8Array> }>> {
			const row = await deps.attachments.find(sha256);
			if (!row?.completedAt) return { ok: false, failure: NOT_FOUND };
			const now = deps.now();
			const admin = holdsRole(await deps.memberships.forPerson(caller.personId), 'programme-admin', now);
			if (!admin && !(await deps.attachments.mayRead(sha256, caller.personId, now.toISOString()))) return { ok: false, failure: NOT_FOUND };
			return { ok: true, value: { contentType: row.contentType, bytes: row.bytes, body: deps.store.read(sha256) } };
		}
	};
}

export type AttachmentsService = ReturnType<typeof createAttachmentsService>;
