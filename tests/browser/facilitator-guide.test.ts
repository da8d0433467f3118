import { describe, expect, it } from 'vitest';
import { findContrastFailures, findSmallTouchTargets } from '../support/accessibility';
import { message, newContext, useAppInChromium, waitForOfflineReady } from '../support/browser';

describe('facilitator guides for trainers', () => {
	const app = useAppInChromium();

	it('are readable on a phone: one h1, AA contrast, 48 px targets and no sideways scroll', async () => {
		const context = await newContext(app.browser, { viewport: { width: 360, height: 640 } });
		const page = await context.newPage();
		for (const path of ['/ru/training/facilitator', '/en/training/facilitator/structured-debate', '/ky/training/facilitator/assignment']) {
			await page.goto(`${app.server.url}${path}`, { waitUntil: 'networkidle' });
			await page.locator('[data-state="ready"]').first().waitFor();
			expect(await page.locator('h1').count(), path).toBe(1);
			expect(await findContrastFailures(page), path).toEqual([]);
			expect(await findSmallTouchTargets(page), path).toEqual([]);
			expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), `${path} scrolls sideways`).toBeLessThanOrEqual(0);
		}
		await context.close();
	});

	// Last: this one stops the server to take the signal away.
	it('open once with a connection, then run a session from the guide with none: the plan on the clock, questions and print view', async () => {
		const { server, browser } = app;
		const context = await newContext(browser);
		const page = await context.newPage();
		const pageErrors: string[] = [];
		page.on('pageerror', (error) => pageErrors.push(error.message));

		// Online: the list keeps the trainers' pack on the device.
		await page.goto(`${server.url}/ky/training/facilitator`);
		await waitForOfflineReady(page);
		const course = page.getByTestId('facilitator-course');
		await expect.poll(() => course.getAttribute('data-state'), { timeout: 20_000 }).toBe('ready');
		await expect.poll(() => course.getByText(message('ky', 'facilitator_offline_saved')).isVisible()).toBe(true);
		expect(await course.locator('ol li').count()).toBe(6);

		// The signal goes.
		await server.stop();
		await context.setOffline(true);

		// A trainer opens the case-method session: the guide comes from the device, in Kyrgyz.
		await course.locator('ol li').nth(1).getByRole('link').click();
		await page.waitForURL('**/ky/training/facilitator/case-method');
		const guide = page.getByTestId('facilitator-guide');
		await expect.poll(() => guide.getAttribute('data-state')).toBe('ready');
		await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Кейс-метод');
		await expect.poll(() => page.getByRole('heading', { name: 'Кейсти топтордо талдоо' }).isVisible()).toBe(true);

		// The minute-by-minute plan adds up to the session and moves to the clock the trainer sets.
		const times = () => page.getByTestId('facilitator-plan').locator('tbody td.time').allTextContents();
		expect(await times()).toEqual(['0:00–0:05', '0:05–0:15', '0:15–0:40', '0:40–0:50', '0:50–1:00', '1:00–1:12', '1:12–1:20']);
		await page.getByLabel(message('ky', 'facilitator_start_time')).fill('09:30');
		await expect.poll(times).toEqual(['9:30–9:35', '9:35–9:45', '9:45–10:10', '10:10–10:20', '10:20–10:30', '10:30–10:42', '10:42–10:50']);
		await expect.poll(() => page.locator('#step-case-in-groups .questions li').count()).toBe(3);
		expect(await findContrastFailures(page)).toEqual([]);

		// Printed: the guide alone, without the app's header, footer and buttons.
		await page.emulateMedia({ media: 'print' });
		expect(await page.locator('.app-header').isVisible()).toBe(false);
		expect(await page.locator('.app-footer').isVisible()).toBe(false);
		expect(await page.getByRole('button', { name: message('ky', 'facilitator_print') }).isVisible()).toBe(false);
		expect(await page.locator('#step-debrief').isVisible()).toBe(true);
		await page.emulateMedia({ media: 'screen' });

		// Still offline, the next session and the practical assignment's acceptance criteria open too.
		await page.getByRole('link', { name: new RegExp(message('ky', 'facilitator_next')) }).click();
		await page.waitForURL('**/ky/training/facilitator/role-play');
		await expect.poll(() => guide.getAttribute('data-state')).toBe('ready');
		await page.goto(`${server.url}/ky/training/facilitator/assignment`);
		await expect.poll(() => page.getByTestId('assignment-criteria').locator('li').count()).toBe(9);

		expect(pageErrors).toEqual([]);
		await context.close();
	});

});
