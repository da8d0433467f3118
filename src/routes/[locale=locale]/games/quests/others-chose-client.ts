import { parseChoiceCounts, type ChoiceCounts } from '$lib/games/quest/others-chose';

/**
 * "What others chose": the anonymous counts for a quest (`GET /api/quests/<id>/choices`), or undefined when offline,
 * slow or failing — the page then simply shows nothing. Sent without credentials: the counts are the same for all.
 */
export async function fetchChoiceCounts(questId: string, options: { fetcher?: typeof fetch; timeoutMs?: number; online?: boolean } = {}): Promise<ChoiceCounts | undefined> {
	const { fetcher = fetch, timeoutMs = 4000, online = typeof navigator === 'undefined' || navigator.onLine } = options;
	if (!online) return undefined;
	const abort = new AbortController();
	const timer = setTimeout(() => abort.abort(), timeoutMs);
	try {
		const response = await fetcher(`/api/quests/${encodeURIComponent(questId)}/choices`, { signal: abort.signal, credentials: 'omit', headers: { accept: 'application/json' } });
		if (!response.ok) return undefined;
		return parseChoiceCounts(await response.json(), questId);
	} catch {
		return undefined;
	} finally {
		clearTimeout(timer);
	}
}
