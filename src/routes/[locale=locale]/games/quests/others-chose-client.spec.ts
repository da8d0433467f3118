import { describe, expect, it } from 'vitest';
import { fetchChoiceCounts } from './others-chose-client';

const answer = { questId: 'exam-envelope', nodes: { collect: { pay: 3, refuse: 1 } }, players: 4 };
const json = (body: unknown, status = 200) => async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('fetching what others chose', () => {
	it('asks the quest’s endpoint without credentials and reads the counts', async () => {
		let asked: { url: string; init?: RequestInit } | undefined;
		const counts = await fetchChoiceCounts('exam-envelope', {
			online: true,
			fetcher: async (url, init) => {
				asked = { url: String(url), init };
				return json(answer)();
			}
		});
		expect(asked?.url).toBe('/api/quests/exam-envelope/choices');
		expect(asked?.init?.credentials).toBe('omit');
		expect(counts).toEqual(answer);
	});

	it('gives nothing offline, on an error answer, on a broken body or a network failure', async () => {
		let called = false;
		expect(await fetchChoiceCounts('exam-envelope', { online: false, fetcher: async () => ((called = true), json(answer)()) })).toBeUndefined();
		expect(called).toBe(false);
		expect(await fetchChoiceCounts('exam-envelope', { online: true, fetcher: json({ error: 'x' }, 500) })).toBeUndefined();
		expect(await fetchChoiceCounts('exam-envelope', { online: true, fetcher: async () => new Response('<html>') })).toBeUndefined();
		expect(await fetchChoiceCounts('exam-envelope', { online: true, fetcher: async () => Promise.reject(new TypeError('offline')) })).toBeUndefined();
	});

	it('gives up after the timeout instead of holding the page', async () => {
		const never: typeof fetch = (_url, init) =>
			new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
		const started = Date.now();
		expect(await fetchChoiceCounts('exam-envelope', { online: true, fetcher: never, timeoutMs: 50 })).toBeUndefined();
		expect(Date.now() - started).toBeLessThan(1000);
	});
});
