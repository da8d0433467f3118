import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, message, newContext, waitForOfflineReady } from '../support/browser';
import { startServer, type RunningServer } from '../support/server';

/** The cache names and paths the service worker holds, read in the page. */
function cachedPaths(page: Page): Promise<Record<string, string[]>> {
	return page.evaluate(async () => {
		const result: Record<string, string[]> = {};
		for (const name of await caches.keys()) {
			result[name] = (await (await caches.open(name)).keys()).map((request) => new URL(request.url).pathname);
		}
		return result;
	});
}

/** Every row of an IndexedDB store of the app's database. */
function storeRows<T>(page: Page, store: string): Promise<T[]> {
	return page.evaluate(
		(name) =>
			new Promise<T[]>((resolve, reject) => {
				const request = indexedDB.open('taza');
				request.onerror = () => reject(request.error);
				request.onsuccess = () => {
					const all = request.result.transaction(name).objectStore(name).getAll();
					all.onsuccess = () => resolve(all.result as T[]);
					all.onerror = () => reject(all.error);
				};
			}),
		store
	);
}

describe('a mini-game offline', () => {
	let server: RunningServer;
	let browser: Browser;

	beforeAll(async () => {
		server = await startServer();
		browser = await launchChromium();
	});

	afterAll(async () => {
		await browser?.close();
		await server?.stop();
	});

	it('plays "Spot the risk" in its list with the keyboard alone, and records the round as a list round', async () => {
		const context = await newContext(browser);
		const page = await context.newPage();
		await page.goto(`${server.url}/en/games/spot-the-risk`);
		const game = page.getByTestId('spot-the-risk');
		await expect.poll(() => game.getAttribute('data-status'), { timeout: 15_000 }).toBe('ready');
		await page.getByRole('radio', { name: message('en', 'minigame_view_list') }).check();
		await page.locator('li[data-level="1"]').getByRole('button').press('Enter');
		await expect.poll(() => game.getAttribute('data-flow')).toBe('looking');
		expect(await game.getAttribute('data-view')).toBe('list');

		// Every item of the room is listed; marking one explains it at once, in a live region.
		const items = page.getByTestId('risk-list').locator('li');
		expect(await items.count()).toBe(6);
		for (const id of ['office-envelope', 'office-urgent-fee', 'office-price-list']) {
			await page.locator(`li[data-item="${id}"]`).getByRole('button').press('Enter');
			await page.locator(`li[data-item="${id}"] [role=status]`).waitFor();
		}
		expect(await page.getByTestId('found-count').textContent()).toBe('Found 2 of 4');
		await page.getByRole('button', { name: message('en', 'minigame_finish') }).press('Enter');
		await page.getByTestId('round-saved').waitFor();
		const summary = page.getByTestId('round-summary');
		expect(await summary.getAttribute('data-passed')).toBe('false');
		// The heading takes the focus, so a screen reader announces the result.
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('summary-heading');

		const rounds = (await storeRows<{ type: string; payload: { mode: string; score: number; answers: { itemId: string; response: string }[] } }>(page, 'events')).filter(
			(event) => event.type === 'minigame.round'
		);
		expect(rounds).toHaveLength(1);
		expect(rounds[0]!.payload).toMatchObject({ mode: 'list', score: 1 });
		expect(rounds[0]!.payload.answers.filter((answer) => answer.response === 'missed').map((answer) => answer.itemId).sort()).toEqual([
			'office-back-door',
			'office-nephew'
		]);
		await context.close();
	});

	it('plays a round of "Gift or bribe?" with no network after one visit to the home page, and records it', async () => {
		const context = await newContext(browser);
		const page = await context.newPage();
		const pageErrors: string[] = [];
		page.on('pageerror', (error) => pageErrors.push(error.message));

		// The first visit: the home page only. Phaser and the games' data are not part of the install …
		await page.goto(`${server.url}/en`);
		await waitForOfflineReady(page);
		const atInstall = Object.entries(await cachedPaths(page)).filter(([name]) => name.startsWith('taza-shell-'));
		expect(atInstall).toHaveLength(1);
		expect(atInstall[0]![1].filter((path) => path.includes('/chunks/game-'))).toEqual([]);
		expect(atInstall[0]![1]).toContain('/en/games/gift-or-bribe');
		// … and arrive in the background once the page is idle.
		await expect
			.poll(async () => ((await cachedPaths(page))['taza-games'] ?? []).map((path) => path.replace(/^.*\/chunks\/(game-[a-z-]+)\..*$/, '$1')).sort(), {
				timeout: 30_000
			})
			.toEqual(['game-data-gift-or-bribe', 'game-data-spot-the-risk', 'game-phaser']);

		// The network goes away entirely.
		await server.stop();
		await context.setOffline(true);

		await page.goto(`${server.url}/en/games/gift-or-bribe`);
		const game = page.getByTestId('gift-or-bribe');
		await expect.poll(() => game.getAttribute('data-status'), { timeout: 15_000 }).toBe('ready');
		// No timer: the test plays at the machine's pace, whatever its load.
		await page.getByLabel(message('en', 'minigame_timer_off_label')).check();
		await page.locator('li[data-level="1"]').getByRole('button').click();

		// Phaser came from the cache and draws the table, Kyrgyz letters included.
		const canvasHolder = page.getByTestId('game-stage').locator('.canvas');
		await canvasHolder.locator('canvas').waitFor({ timeout: 15_000 });
		await expect.poll(() => canvasHolder.getAttribute('data-missing-glyphs')).toBe('');

		// Six cards: each answered from the keyboard, explained, then the next.
		for (let card = 0; card < 6; card += 1) {
			await expect.poll(() => game.getAttribute('data-flow')).toBe('card');
			await page.keyboard.press(card % 2 === 0 ? 'ArrowLeft' : 'ArrowRight');
			await page.getByTestId('explanation').waitFor();
			await page.getByTestId('explanation').getByRole('button').click();
		}
		await page.getByTestId('round-summary').waitFor();
		await page.getByTestId('round-saved').waitFor();

		// One minigame.round event, stored and queued for sync.
		type StoredEvent = { id: string; type: string; subject: { kind: string }; payload: { gameId: string; level: number; mode: string; maxScore: number; answers: unknown[] } };
		const rounds = (await storeRows<StoredEvent>(page, 'events')).filter((event) => event.type === 'minigame.round');
		expect(rounds).toHaveLength(1);
		expect(rounds[0]).toMatchObject({ subject: { kind: 'learner' }, payload: { gameId: 'gift-or-bribe', level: 1, mode: 'untimed', maxScore: 6 } });
		expect(rounds[0]!.payload.answers).toHaveLength(6);
		const outbox = await storeRows<{ id: string }>(page, 'outbox');
		expect(outbox.map((row) => row.id)).toContain(rounds[0]!.id);

		// Reloaded offline, the level list shows the round as the best so far.
		await page.reload();
		await expect.poll(() => game.getAttribute('data-status'), { timeout: 15_000 }).toBe('ready');
		await expect.poll(() => page.locator('li[data-level="1"]').textContent()).toMatch(/Best: \d of 6/);
		expect(pageErrors).toEqual([]);
		await context.close();
	});

});
