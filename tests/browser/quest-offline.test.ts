import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findContrastFailures, findSmallTouchTargets } from '../support/accessibility';
import { message, newContext, useAppInChromium, waitForOfflineReady } from '../support/browser';
import { QUEST, questView, step, storedEvents, viewKey, waitForQuest } from '../support/quest-page';

describe('a quest played offline', () => {
	const app = useAppInChromium();

	// Before the offline test below, which stops the server.
	it.each([
		{ name: 'phone', width: 360, height: 640 },
		{ name: 'laptop', width: 1280, height: 800 }
	])('keeps the page accessible on a $name: one h1, AA contrast, 48 px targets, no sideways scroll', async (viewport) => {
		const context = await newContext(app.browser, { viewport });
		const page = await context.newPage();
		await page.goto(`${app.server.url}/ky/games/quests/${QUEST}`);
		await waitForQuest(page);
		for (let taken = 0; taken < 30 && (await questView(page)) !== 'choice'; taken += 1) await step(page);
		expect(await page.locator('h1').count()).toBe(1);
		expect(await findContrastFailures(page)).toEqual([]);
		expect(await findSmallTouchTargets(page)).toEqual([]);
		expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
		await context.close();
	});

	it('shows what others chose after a decision, from the server’s anonymous counts', async () => {
		// Counts for every option of every decision of the quest: the n-th option was taken by n × 10 plays.
		const quest = parse(readFileSync(`content/quests/${QUEST}/quest.yaml`, 'utf8')) as { nodes: { id: string; type: string; choices?: { id: string }[] }[] };
		const nodes = Object.fromEntries(
			quest.nodes.filter((node) => node.type === 'choice').map((node) => [node.id, Object.fromEntries(node.choices!.map((choice, index) => [choice.id, (index + 1) * 10]))])
		);
		// The worker is blocked so that the page's request reaches the test's stand-in for the server's endpoint.
		const context = await newContext(app.browser, { viewport: { width: 360, height: 640 }, serviceWorkers: 'block' });
		const page = await context.newPage();
		await page.route(`**/api/quests/${QUEST}/choices`, (route) => route.fulfill({ json: { questId: QUEST, nodes, players: 120 } }));
		await page.goto(`${app.server.url}/en/games/quests/${QUEST}`);
		await waitForQuest(page);
		while ((await questView(page)) !== 'choice') await step(page);
		await step(page);

		const panel = page.getByTestId('others-chose');
		await panel.waitFor();
		const percents = (await panel.locator('.percent').allTextContents()).map((text) => Number.parseInt(text, 10));
		expect(percents.reduce((sum, percent) => sum + percent, 0)).toBe(100);
		expect(await panel.locator('.mine').count()).toBe(1);
		expect(await panel.textContent()).toContain(message('en', 'questplay_others_mine'));
		await context.close();
	});

	it('after one online visit plays to an ending with no network, resumes after a reload mid-way, and records quest events', async () => {
		const context = await newContext(app.browser, { viewport: { width: 360, height: 640 } });
		const page = await context.newPage();
		const pageErrors: string[] = [];
		page.on('pageerror', (error) => pageErrors.push(error.message));

		// Online, once: the page, the quest and Phaser are kept on the device.
		await page.goto(`${app.server.url}/ru/games/quests/${QUEST}`);
		await waitForOfflineReady(page);
		await waitForQuest(page);
		// Phaser is fetched in the background after the first visit (or through the worker when a game opens).
		await page.evaluate(() => navigator.serviceWorker.controller?.postMessage({ type: 'PRECACHE_DEFERRED' }));
		await expect
			.poll(() => page.evaluate(async () => (await (await caches.open('taza-games')).keys()).some((request) => request.url.includes('game-phaser'))), { timeout: 30_000 })
			.toBe(true);
		// The canvas's font (the app's stack) has the Kyrgyz letters: none draws as the missing-glyph box.
		expect(await page.locator('.quest-stage').getAttribute('data-missing-glyphs')).toBe('');

		// The network goes away entirely.
		await app.server.stop();
		await context.setOffline(true);
		await page.reload();
		await waitForQuest(page);
		// The play begun online was saved: it waits for the player, who goes on with it.
		await expect.poll(() => page.getByTestId('quest-player').getAttribute('data-paused')).toBe('true');
		await page.getByRole('button', { name: message('ru', 'questplay_continue'), exact: true }).click();
		const started = await viewKey(page);

		// A few steps in, at least one of them a decision …
		let decisions = 0;
		for (let taken = 0; taken < 12 && decisions < 2; taken += 1) {
			if ((await questView(page)) === 'choice') decisions += 1;
			await step(page);
		}
		expect(decisions).toBe(2);
		const before = await viewKey(page);
		expect(before).not.toBe(started);
		// Stored (event and save together) a moment after the step, as anything on the device is.
		await expect.poll(async () => (await storedEvents(page)).events.filter((event) => event.type === 'quest.choice').length).toBe(decisions);

		// … a reload, still offline, comes back to the same step, waiting for the player.
		await page.reload();
		await waitForQuest(page);
		expect(await viewKey(page)).toBe(before);
		await expect.poll(() => page.getByTestId('quest-player').getAttribute('data-paused')).toBe('true');
		await page.getByRole('button', { name: message('ru', 'questplay_continue'), exact: true }).click();
		await expect.poll(() => page.getByTestId('quest-player').getAttribute('data-paused')).toBe('false');

		// Play on to an ending; one decision through the screen reader's buttons (focus, Enter).
		let usedTranscript = false;
		for (let taken = 0; taken < 80 && (await questView(page)) !== 'ending'; taken += 1) {
			if (!usedTranscript && (await questView(page)) === 'choice') {
				const key = await viewKey(page);
				await page.locator('[data-testid="quest-transcript"] .choices button:not([disabled])').first().focus();
				await page.keyboard.press('Enter');
				await expect.poll(() => viewKey(page)).not.toBe(key);
				usedTranscript = true;
				continue;
			}
			await step(page);
		}
		expect(await questView(page)).toBe('ending');
		await expect.poll(() => page.getByTestId('quest-player').getAttribute('data-ended')).toBe('true');
		await page.getByRole('heading', { name: message('ru', 'questplay_debrief') }).waitFor({ state: 'attached' });

		// Every step is an event in IndexedDB, queued for sync, of one play that went on after the reload.
		await expect
			.poll(async () => (await storedEvents(page)).events.filter((event) => event.type === 'quest.ended').length, { timeout: 10_000 })
			.toBe(1);
		const { events, outbox } = await storedEvents(page);
		const quest = events.filter((event) => event.type.startsWith('quest.'));
		expect(quest.filter((event) => event.type === 'quest.started')).toHaveLength(1);
		const choices = quest.filter((event) => event.type === 'quest.choice');
		expect(choices.length).toBeGreaterThanOrEqual(decisions + 1);
		expect(choices.map((event) => event.payload.step)).toEqual(choices.map((_, index) => index + 1));
		expect(new Set(quest.map((event) => event.payload.playId)).size).toBe(1);
		expect(quest.every((event) => event.subject.kind === 'learner' && event.payload.questId === QUEST)).toBe(true);
		const ended = quest.find((event) => event.type === 'quest.ended')!;
		expect(ended.payload.steps).toBe(choices.length);
		for (const event of quest) expect(outbox).toContain(event.id);
		// Leaving the page takes the game down: no canvas is left behind.
		await page.getByRole('link', { name: message('ru', 'games_nav') }).first().click();
		await page.waitForURL(`**/ru/games`);
		await expect.poll(() => page.locator('canvas').count()).toBe(0);
		expect(pageErrors).toEqual([]);
		await context.close();
	});

});
