import { describe, expect, it } from 'vitest';
import type { CompiledQuest, QuestCatalogueEntry } from '$lib/content/quest.types';
import type { QuestPacksRepo } from '$lib/storage/quest-packs.repo';
import { loadQuest } from './quest-loader';

const entry = { id: 'exam-envelope', version: 'v2', url: '/packs/quests/exam-envelope.v2.json' } as QuestCatalogueEntry;
const quest = (version: string) => ({ format: 1, id: 'exam-envelope', version, nodes: {} }) as unknown as CompiledQuest;

function memoryPacks(initial?: CompiledQuest): QuestPacksRepo & { saved: CompiledQuest[] } {
	let kept = initial;
	const saved: CompiledQuest[] = [];
	return {
		saved,
		get: async () => kept,
		save: async (next) => {
			saved.push(next);
			kept = next;
		}
	};
}

describe('loading a quest', () => {
	it('uses the device’s copy of this version without asking the network', async () => {
		const packs = memoryPacks(quest('v2'));
		expect((await loadQuest(entry, packs, async () => Promise.reject(new Error('no network'))))?.version).toBe('v2');
	});

	it('downloads and keeps a newer version', async () => {
		const packs = memoryPacks(quest('v1'));
		const loaded = await loadQuest(entry, packs, async () => new Response(JSON.stringify(quest('v2'))));
		expect(loaded?.version).toBe('v2');
		expect(packs.saved.map((saved) => saved.version)).toEqual(['v2']);
	});

	it('plays the older copy offline, and has nothing without any copy', async () => {
		expect((await loadQuest(entry, memoryPacks(quest('v1')), async () => Promise.reject(new TypeError('offline'))))?.version).toBe('v1');
		expect(await loadQuest(entry, memoryPacks(), async () => Promise.reject(new TypeError('offline')))).toBeUndefined();
	});

	it('never keeps a file that is not this quest', async () => {
		const packs = memoryPacks();
		expect(await loadQuest(entry, packs, async () => new Response(JSON.stringify({ format: 1, id: 'land-plot', nodes: {} })))).toBeUndefined();
		expect(await loadQuest(entry, packs, async () => new Response('nope', { status: 404 }))).toBeUndefined();
		expect(packs.saved).toEqual([]);
	});
});
