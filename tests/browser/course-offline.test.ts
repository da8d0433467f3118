import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, message, newContext, waitForOfflineReady } from '../support/browser';
import { startServer, type RunningServer } from '../support/server';

const COURSE = 'honest-choices';

/** Answers whatever the current block asks, the way a hurried learner would: the first option everywhere. */
async function answerCurrentBlock(page: Page): Promise<boolean> {
	const block = page.locator('[data-block-type]');
	const type = await block.getAttribute('data-block-type');
	if (type === 'single-choice' || type === 'true-false' || type === 'dilemma') {
		await block.locator('input[type=radio]').first().check();
	} else if (type === 'multiple-choice') {
		await block.locator('input[type=checkbox]').first().check();
	} else if (type === 'matching') {
		for (const select of await block.locator('select').all()) await select.selectOption({ index: 1 });
	}
	if (type && type !== 'text' && type !== 'image' && type !== 'audio' && type !== 'video') {
		await page.locator('.lesson-player button.check').click();
		await page.locator('.lesson-player [aria-live] > *').first().waitFor();
		return true;
	}
	return false;
}

async function blockIndex(page: Page): Promise<number> {
	return Number(await page.locator('.lesson-player').getAttribute('data-block-index'));
}

describe('a course taken offline', () => {
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

	it('is saved online, then a lesson is completed offline, and progress and resume point survive reloads', async () => {
		const context = await newContext(browser);
		const page = await context.newPage();
		const pageErrors: string[] = [];
		page.on('pageerror', (error) => pageErrors.push(error.message));
		await page.goto(`${server.url}/ru/courses/${COURSE}`);
		await waitForOfflineReady(page);

		// Online: save the course for offline use, watching the progress bar finish.
		await page.getByRole('button', { name: new RegExp(message('ru', 'course_save_offline').split(' ·')[0]!) }).click();
		await expect.poll(() => page.getByTestId('course-offline').getAttribute('data-state'), { timeout: 20_000 }).toBe('saved');

		// The network goes away entirely.
		await server.stop();
		await context.setOffline(true);

		const firstLesson = page.locator('ol li').first();
		const lessonId = await firstLesson.getAttribute('data-lesson');
		await firstLesson.getByRole('link').click();
		await page.waitForURL(`**/ru/courses/${COURSE}/${lessonId}`);
		await page.locator('.lesson-player').waitFor();
		expect(await blockIndex(page)).toBe(0);

		// Three steps in, answering what is asked …
		let answered = 0;
		for (let step = 0; step < 3; step += 1) {
			if (await answerCurrentBlock(page)) answered += 1;
			await page.getByRole('button', { name: message('ru', 'player_next'), exact: true }).click();
		}
		expect(await blockIndex(page)).toBe(3);

		// … a reload, still offline, comes back to the same block.
		await page.reload();
		await page.locator('.lesson-player').waitFor();
		expect(await blockIndex(page)).toBe(3);

		// Finish the lesson.
		for (;;) {
			if (await answerCurrentBlock(page)) answered += 1;
			const finish = page.getByRole('button', { name: message('ru', 'player_finish') });
			if (await finish.count()) {
				await finish.click();
				break;
			}
			await page.getByRole('button', { name: message('ru', 'player_next'), exact: true }).click();
		}
		await page.getByTestId('lesson-completed').waitFor();

		// Every answer is an event in IndexedDB, and the lesson was completed once.
		const types = await page.evaluate(
			() =>
				new Promise<string[]>((resolve, reject) => {
					const request = indexedDB.open('taza');
					request.onerror = () => reject(request.error);
					request.onsuccess = () => {
						const all = request.result.transaction('events').objectStore('events').getAll();
						all.onsuccess = () => resolve((all.result as { type: string }[]).map((event) => event.type));
					};
				})
		);
		expect(answered).toBeGreaterThanOrEqual(3);
		expect(types.filter((type) => type === 'question.answered')).toHaveLength(answered);
		expect(types.filter((type) => type === 'lesson.completed')).toHaveLength(1);
		expect(pageErrors).toEqual([]);

		// Reloaded offline, the course page shows the lesson as completed.
		await page.goto(`${server.url}/ru/courses/${COURSE}`);
		await expect.poll(() => page.locator(`li[data-lesson="${lessonId}"]`).getAttribute('data-state')).toBe('completed');
		await page.reload();
		await expect.poll(() => page.locator(`li[data-lesson="${lessonId}"]`).getAttribute('data-state')).toBe('completed');
		expect(await page.locator('li[data-state="completed"]').count()).toBe(1);
		await context.close();
	});
});
