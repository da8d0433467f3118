/**
 * Attachment bytes on disk, named by their SHA-256 (DESIGN §3): `<dir>/<sha256>` once complete, `<dir>/<sha256>.part`
 * while an upload is under way. A chunk is written at its offset and fsynced before it is acknowledged (G4); the
 * finished part is hashed and renamed into place only when the hash is its name, else it is deleted.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { isContentHash } from '$lib/progress/attachments';

/**
 * One chunk at a time per attachment: two requests naming the same offset must not both append. The files are the
 * shared state here (not a module's memory), and one server process writes them, so an in-process lock is enough.
 */
const locks = new Map<string, Promise<unknown>>();

export function withAttachmentLock<T>(sha256: string, work: () => Promise<T>): Promise<T> {
	const before = locks.get(sha256) ?? Promise.resolve();
	const run = before.then(work, work);
	const settled = run.catch(() => undefined);
	locks.set(sha256, settled);
	void settled.then(() => {
		if (locks.get(sha256) === settled) locks.delete(sha256);
	});
	return run;
}

export function createAttachmentStore(dir: string) {
	const fileOf = (sha256: string) => {
		// The name reaches the file system: only a hex digest may.
		if (!isContentHash(sha256)) throw new Error('not a content hash');
		return path.join(dir, sha256);
	};
	const partOf = (sha256: string) => `${fileOf(sha256)}.part`;

	async function size(file: string): Promise<number | null> {
		try {
			return (await stat(file)).size;
		} catch {
			return null;
		}
	}

	async function syncDirectory(): Promise<void> {
		const handle = await open(dir, 'r');
		try {
			await handle.sync();
		} finally {
			await handle.close();
		}
	}

	return {
		/** Bytes of an unfinished upload held on disk (0 when none). */
		async partBytes(sha256: string): Promise<number> {
			return (await size(partOf(sha256))) ?? 0;
		},

		async hasComplete(sha256: string): Promise<boolean> {
			return (await size(fileOf(sha256))) !== null;
		},

		/** Writes a chunk at its offset, cutting anything a crashed write left past it, and makes it durable. */
		async writeChunk(sha256: string, offset: number, chunk: Uint8Array): Promise<number> {
			await mkdir(dir, { recursive: true });
			const handle = await open(partOf(sha256), offset === 0 ? 'w' : 'r+');
			try {
				await handle.truncate(offset);
				await handle.write(chunk, 0, chunk.byteLength, offset);
				await handle.sync();
			} finally {
				await handle.close();
			}
			if (offset === 0) await syncDirectory();
			return offset + chunk.byteLength;
		},

		/** Hashes the finished part: renamed into place when it matches its name, deleted when it does not. */
		async complete(sha256: string): Promise<boolean> {
			const part = partOf(sha256);
			const hash = createHash('sha256');
			for await (const piece of createReadStream(part)) hash.update(piece as Buffer);
			if (hash.digest('hex') !== sha256) {
				await rm(part, { force: true });
				return false;
			}
			await rename(part, fileOf(sha256));
			await syncDirectory();
			return true;
		},

		async discard(sha256: string): Promise<void> {
			await rm(partOf(sha256), { force: true });
		},

		/** The complete file as a web stream, for a response body. */
		read(sha256: string): ReadableStream<Uint8Array> {
			return Readable.toWeb(createReadStream(fileOf(sha256))) as ReadableStream<Uint8Array>;
		}
	};
}

export type AttachmentStore = ReturnType<typeof createAttachmentStore>;
