import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAttachmentStore, withAttachmentLock } from './attachment-store';

const dirs: string[] = [];
const scratch = () => {
	const dir = mkdtempSync(path.join(tmpdir(), 'taza-attachments-'));
	dirs.push(dir);
	return dir;
};
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const bytes = new Uint8Array(Array.from({ length: 1000 }, (_, index) => index % 251));
const sha = createHash('sha256').update(bytes).digest('hex');

describe('attachment files by content hash', () => {
	it('assembles chunks into the file named by its hash, and leaves no part behind', async () => {
		const dir = scratch();
		const store = createAttachmentStore(dir);
		expect(await store.writeChunk(sha, 0, bytes.subarray(0, 600))).toBe(600);
		expect(await store.partBytes(sha)).toBe(600);
		expect(await store.writeChunk(sha, 600, bytes.subarray(600))).toBe(1000);
		expect(await store.complete(sha)).toBe(true);
		expect(readdirSync(dir)).toEqual([sha]);
		expect(new Uint8Array(readFileSync(path.join(dir, sha)))).toEqual(bytes);
		expect(await store.hasComplete(sha)).toBe(true);
	});

	it('deletes bytes that do not hash to their name', async () => {
		const dir = scratch();
		const store = createAttachmentStore(dir);
		const wrong = 'f'.repeat(64);
		await store.writeChunk(wrong, 0, bytes);
		expect(await store.complete(wrong)).toBe(false);
		expect(readdirSync(dir)).toEqual([]);
	});

	it('cuts what a broken write left past the offset it continues from', async () => {
		const store = createAttachmentStore(scratch());
		await store.writeChunk(sha, 0, bytes.subarray(0, 700));
		await store.writeChunk(sha, 600, bytes.subarray(600));
		expect(await store.complete(sha)).toBe(true);
	});

	it('never lets a name reach the file system unless it is a hex digest', async () => {
		const store = createAttachmentStore(scratch());
		await expect(store.writeChunk('../escape', 0, bytes)).rejects.toThrow('not a content hash');
	});

	it('runs work on one attachment one piece at a time', async () => {
		const order: string[] = [];
		const slow = (name: string, ms: number) => () => new Promise<void>((resolve) => setTimeout(() => (order.push(name), resolve()), ms));
		await Promise.all([withAttachmentLock(sha, slow('first', 30)), withAttachmentLock(sha, slow('second', 1))]);
		expect(order).toEqual(['first', 'second']);
	});
});
