import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/lib/server/services/demo-data.service';
import { message, newContext, signInOnPage, useAppInChromium, waitForOfflineReady } from '../support/browser';

/** Course ids of the packs saved on this device for a language, straight from IndexedDB. */
function savedPacks(page: Page, locale: string): Promise<string[]> {
	return page.evaluate(
		(wanted) =>
			new Promise<string[]>((resolve, reject) => {
				const open = indexedDB.open('taza');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const request = open.result.transaction('packs').objectStore('packs').getAll();
					request.onsuccess = () => {
						open.result.close();
						resolve((request.result as { courseId: string; locale: string }[]).filter((row) => row.locale === wanted).map((row) => row.courseId).sort());
					};
				};
			}),
		locale
	);
}

async function stepInLesson(page: Page, baseUrl: string, courseId: string, steps: number) {
	await page.goto(`${baseUrl}/ru/courses/${courseId}`, { waitUntil: 'domcontentloaded' });
	await page.locator('ol li').first().getByRole('link').click();
	await page.locator('.lesson-player').waitFor();
	for (let step = 0; step < steps; step += 1) await page.getByRole('button', { name: message('ru', 'player_next'), exact: true }).click();
}

describe('what waited for sync', () => {
	const app = useAppInChromium({ env: { TAZA_DEMO_DATA: '1' } });

	it('assigned courses download by themselves, work offline, and the class grid and compliance view show the synced progress', async () => {
		const learnerContext = await newContext(app.browser, { viewport: { width: 360, height: 640 } });
		const learner = await learnerContext.newPage();
		await signInOnPage(learner, app.server.url, 'demo.learner', DEMO_PASSWORD);

		// Signed in and online: the organisation's and the class's courses are saved without anyone asking.
		await learner.goto(`${app.server.url}/ru/courses`, { waitUntil: 'networkidle' });
		await waitForOfflineReady(learner);
		await expect.poll(() => savedPacks(learner, 'ru'), { timeout: 30_000 }).toEqual(['honest-choices', 'integrity-public-service']);

		// No connection at all: both assigned courses still open, and what the learner does is kept.
		await learnerContext.setOffline(true);
		await stepInLesson(learner, app.server.url, 'integrity-public-service', 2);
		await stepInLesson(learner, app.server.url, 'honest-choices', 1);
		await expect.poll(() => learner.getByTestId('sync-status').getAttribute('data-tone')).toBe('waiting');

		// Back online, it syncs.
		await learnerContext.setOffline(false);
		await expect.poll(() => learner.getByTestId('sync-status').getAttribute('data-tone'), { timeout: 30_000 }).toBe('saved');

		// The teacher's grid shows the pupil under way in the class's course…
		const teacherContext = await newContext(app.browser);
		const teacher = await teacherContext.newPage();
		await signInOnPage(teacher, app.server.url, 'demo.teacher', DEMO_PASSWORD);
		await teacher.goto(`${app.server.url}/ru/classes`, { waitUntil: 'networkidle' });
		const gridRow = teacher.getByTestId('progress-grid').locator('tbody tr', { hasText: 'Демо: окуучу' });
		await expect.poll(() => gridRow.locator('td').first().getAttribute('data-status')).toBe('in-progress');

		// … and the organisation's compliance view shows the member under way in the mandatory course.
		const adminContext = await newContext(app.browser);
		const admin = await adminContext.newPage();
		await signInOnPage(admin, app.server.url, 'demo.org.admin', DEMO_PASSWORD);
		await admin.goto(`${app.server.url}/ru/organisations`, { waitUntil: 'networkidle' });
		const complianceRow = admin.getByTestId('progress-grid').locator('tbody tr', { hasText: 'Демо: окуучу' });
		await expect.poll(() => complianceRow.locator('td').first().getAttribute('data-status')).toBe('in-progress');

		for (const context of [learnerContext, teacherContext, adminContext]) await context.close();
	});
});
