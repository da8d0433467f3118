import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { FacilitatorPack } from '$lib/content/pack.types';
import { TazaLocalDatabase } from './database';
import { createFacilitatorPacksRepo } from './facilitator-packs.repo';
import { downloadFacilitatorPack } from './pack-download';

const pack: FacilitatorPack = { format: 1, kind: 'facilitator', courseId: 'c', locale: 'ky', version: 'v1', guides: [], texts: {} };
const answer = (body: string): typeof fetch => async () => new Response(body, { status: 200 });

describe('facilitator guides on a trainer device', () => {
	it('download with progress, and a course pack is not taken for one', async () => {
		const shares: number[] = [];
		const body = JSON.stringify(pack);
		expect(await downloadFacilitatorPack('/packs/c.facilitator.ky.1.json', body.length, (s) => shares.push(s), answer(body))).toEqual(pack);
		expect(shares.at(-1)).toBe(1);
		const coursePack = JSON.stringify({ format: 1, id: 'c', locale: 'ky', lessons: [], bank: [], texts: {} });
		await expect(downloadFacilitatorPack('/x', 1, () => {}, answer(coursePack))).rejects.toThrow('not a facilitator pack');
	});

	it('are kept per course and locale, the newest version replacing the older, beside the course packs', async () => {
		const db = new TazaLocalDatabase(`facilitator-${Math.random()}`);
		const packs = createFacilitatorPacksRepo(db, () => new Date('2026-11-27T08:00:00Z'));
		await packs.save(pack, { url: '/packs/a.json', bytes: 10 });
		await packs.save({ ...pack, version: 'v2' }, { url: '/packs/b.json', bytes: 11 });
		expect(await packs.get('c', 'ky')).toMatchObject({ version: 'v2', url: '/packs/b.json', savedAt: '2026-11-27T08:00:00.000Z' });
		expect(await packs.get('c', 'ru')).toBeUndefined();
		expect(await db.packs.count()).toBe(0);
		await db.delete();
	});
});
