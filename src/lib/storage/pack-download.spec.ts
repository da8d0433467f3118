import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { CoursePack } from '$lib/content/pack.types';
import { TazaLocalDatabase } from './database';
import { downloadPack, PackDownloadError } from './pack-download';
import { createPacksRepo } from './packs.repo';

const pack = { format: 1, id: 'c', locale: 'ru', version: 'v1', lessons: [], bank: [], texts: {}, media: {} } as unknown as CoursePack;

function streamingFetch(body: string, chunkSize = 7): typeof fetch {
	return async () => {
		const bytes = new TextEncoder().encode(body);
		const stream = new ReadableStream<Uint8Array>({
			start(controller) {
				for (let i = 0; i < bytes.length; i += chunkSize) controller.enqueue(bytes.slice(i, i + chunkSize));
				controller.close();
			}
		});
		return new Response(stream, { status: 200 });
	};
}

describe('downloadPack', () => {
	it('reports progress as it reads and ends at 100%', async () => {
		const body = JSON.stringify(pack);
		const shares: number[] = [];
		const result = await downloadPack('/packs/c.json', body.length, (share) => shares.push(share), streamingFetch(body));
		expect(result.id).toBe('c');
		expect(shares.length).toBeGreaterThan(3);
		expect(shares).toEqual([...shares].sort((a, b) => a - b));
		expect(shares.at(-1)).toBe(1);
	});

	it('fails clearly on a server error, a cut-off body or something that is not a pack', async () => {
		await expect(downloadPack('/x', 1, () => {}, async () => new Response('no', { status: 404 }))).rejects.toThrow('the server answered 404');
		await expect(downloadPack('/x', 1, () => {}, streamingFetch('{"format":1,"les'))).rejects.toBeInstanceOf(PackDownloadError);
		await expect(downloadPack('/x', 1, () => {}, streamingFetch('{"hello":1}'))).rejects.toThrow('not a course pack');
		await expect(downloadPack('/x', 1, () => {}, async () => Promise.reject(new TypeError('Failed to fetch')))).rejects.toThrow('network error');
	});
});

describe('the packs repository', () => {
	it('keeps one pack per course and locale, the newest replacing the older', async () => {
		const db = new TazaLocalDatabase(`packs-${Math.random()}`);
		const packs = createPacksRepo(db, () => new Date('2026-11-26T12:00:00Z'));
		await packs.save(pack, { url: '/packs/c.ru.1.json', bytes: 10 });
		await packs.save({ ...pack, version: 'v2' }, { url: '/packs/c.ru.2.json', bytes: 12 });
		const saved = await packs.get('c', 'ru');
		expect(saved).toMatchObject({ version: 'v2', url: '/packs/c.ru.2.json', bytes: 12, savedAt: '2026-11-26T12:00:00.000Z' });
		expect(await packs.savedCourseIds('ru')).toEqual(['c']);
		expect(await packs.savedCourseIds('ky')).toEqual([]);
		await db.delete();
	});
});
