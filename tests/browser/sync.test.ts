import Database from 'better-sqlite3';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/lib/server/services/demo-data.service';
import { message, newContext, signInOnPage, useAppInChromium } from '../support/browser';

const COURSE = 'honest-choices';

/** The learner's course summaries as this device holds them, straight from IndexedDB. */
function deviceSummaries(page: Page, personId: string): Promise<string> {
	return page.evaluate(
		(subjectId) =>
			new Promise<string>((resolve, reject) => {
				const open = indexedDB.open('taza');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const request = open.result.transaction('summaries').objectStore('summaries').getAll();
					request.onsuccess = () => {
						const mine = (request.result as { subjectId: string; courseId: string }[]).filter((summary) => summary.subjectId === subjectId);
						open.result.close();
						resolve(JSON.stringify(mine.sort((a, b) => a.courseId.localeCompare(b.courseId))));
					};
				};
			}),
		personId
	);
}

function deviceEventIds(page: Page): Promise<string[]> {
	return page.evaluate(
		() =>
			new Promise<string[]>((resolve, reject) => {
				const open = indexedDB.open('taza');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const request = open.result.transaction('events').objectStore('events').getAllKeys();
					request.onsuccess = () => {
						open.result.close();
						resolve(request.result as string[]);
					};
				};
			})
	);
}

/** Opens the course's first (or second) lesson and moves `steps` blocks on, recording a resume point each time. */
async function stepThroughLesson(page: Page, baseUrl: string, lessonIndex: number, steps: number) {
	await page.goto(`${baseUrl}/ru/courses/${COURSE}`, { waitUntil: 'networkidle' });
	const lesson = page.locator('ol li').nth(lessonIndex);
	await lesson.getByRole('link').click();
	await page.locator('.lesson-player').waitFor();
	await nextSteps(page, steps);
}

/** Moves on in the open lesson, answering a question block with its first option. */
async function nextSteps(page: Page, steps: number) {
	for (let step = 0; step < steps; step += 1) {
		const block = page.locator('[data-block-type]');
		const type = await block.getAttribute('data-block-type');
		if (type === 'single-choice' || type === 'true-false' || type === 'dilemma') {
			await block.locator('input[type=radio]').first().check();
			await page.locator('.lesson-player button.check').click();
		}
		await page.getByRole('button', { name: message('ru', 'player_next'), exact: true }).click();
	}
}

describe('sync between two devices of one learner', () => {
	const app = useAppInChromium({ env: { TAZA_DEMO_DATA: '1' } });

	const serverRows = <T>(query: string, ...params: unknown[]): T[] => {
		const db = new Database(path.join(app.server.dataDir, 'taza.db'), { readonly: true });
		try {
			return db.prepare(query).all(...params) as T[];
		} finally {
			db.close();
		}
	};

	it('works offline on both, converges after reconnecting, and never counts a push twice when its answer is lost', async () => {
		const phoneContext = await newContext(app.browser, { viewport: { width: 360, height: 640 } });
		const schoolContext = await newContext(app.browser);
		const phone = await phoneContext.newPage();
		const school = await schoolContext.newPage();
		await signInOnPage(phone, app.server.url, 'demo.learner', DEMO_PASSWORD);
		await signInOnPage(school, app.server.url, 'demo.learner', DEMO_PASSWORD);
		const personId = serverRows<{ person_id: string }>("select person_id from accounts join login_names on login_names.account_id = accounts.id where login = 'demo.learner'")[0]!.person_id;

		// The first push from the phone reaches the server, which commits it, but its answer never arrives.
		let lostAnswers = 0;
		await phone.route('**/api/sync/push', async (route) => {
			if (lostAnswers === 0) {
				lostAnswers += 1;
				await route.fetch();
				await route.abort('connectionreset');
				return;
			}
			await route.continue();
		});

		// Online on the phone: a few steps of the first lesson; the loop retries after the lost answer and settles.
		await stepThroughLesson(phone, app.server.url, 0, 2);
		await expect.poll(() => phone.getByTestId('sync-status').getAttribute('data-tone'), { timeout: 30_000 }).toBe('saved');
		expect(lostAnswers).toBe(1);

		// Both go offline and keep learning: the phone further in lesson 1, the school computer in lesson 2.
		await stepThroughLesson(school, app.server.url, 1, 0);
		await phoneContext.setOffline(true);
		await schoolContext.setOffline(true);
		await nextSteps(phone, 1);
		await nextSteps(school, 2);
		await expect.poll(() => school.getByTestId('sync-status').getAttribute('data-tone')).toBe('waiting');

		// Back online: both sync, and both show exactly what the server holds.
		await phoneContext.setOffline(false);
		await schoolContext.setOffline(false);
		for (const page of [phone, school]) {
			await expect.poll(() => page.getByTestId('sync-status').getAttribute('data-tone'), { timeout: 30_000 }).toBe('saved');
		}
		// Whichever synced first pulled before the other had pushed: its next trigger (here `online` again, as a
		// flaky link gives) pulls the rest. Waiting for the 3-minute timer would only make the test slow.
		for (const page of [phone, school]) {
			await page.evaluate("window.dispatchEvent(new Event('online'))");
			await expect.poll(() => page.getByTestId('sync-status').getAttribute('data-tone'), { timeout: 30_000 }).toBe('saved');
		}
		const serverSummaries = JSON.stringify(
			serverRows<{ summary: string }>('select summary from course_summaries where person_id = ? order by course_id', personId).map((row) => JSON.parse(row.summary))
		);
		await expect.poll(() => deviceSummaries(phone, personId), { timeout: 30_000 }).toBe(serverSummaries);
		await expect.poll(() => deviceSummaries(school, personId), { timeout: 30_000 }).toBe(serverSummaries);

		// Nothing counted twice: the server holds each event either device made exactly once.
		const made = new Set([...(await deviceEventIds(phone)), ...(await deviceEventIds(school))]);
		expect(made.size).toBeGreaterThanOrEqual(5);
		const stored = serverRows<{ id: string }>('select id from events where person_id = ?', personId).map((row) => row.id);
		expect(stored.length).toBe(new Set(stored).size);
		expect(new Set(stored)).toEqual(made);

		await phoneContext.close();
		await schoolContext.close();
	});
});
