import type { CompiledQuest, QuestCatalogueEntry } from '$lib/content/quest.types';
import type { QuestPacksRepo } from '$lib/storage/quest-packs.repo';

/**
 * The compiled quest for a catalogue entry: the device's copy when it is this version, else downloaded and kept (so
 * it plays offline from now on). Offline with an older copy, the older copy plays; with none, there is nothing.
 */
export async function loadQuest(entry: QuestCatalogueEntry, packs: QuestPacksRepo, fetcher: typeof fetch = fetch): Promise<CompiledQuest | undefined> {
	const kept = await packs.get(entry.id);
	if (kept?.version === entry.version) return kept;
	try {
		const response = await fetcher(entry.url);
		if (!response.ok) return kept;
		const fresh = (await response.json()) as CompiledQuest;
		// A file that is not this quest (a broken deploy, a captive portal's page) is never kept.
		if (fresh?.format !== 1 || fresh.id !== entry.id || typeof fresh.nodes !== 'object') return kept;
		await packs.save(fresh);
		return fresh;
	} catch {
		return kept;
	}
}
