import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, LOCALES, message, newContext, waitForOfflineReady, type TestLocale } from '../support/browser';
import { startServer, type RunningServer } from '../support/server';

describe('offline, after one visit', () => {
	let server: RunningServer;
	let browser: Browser;
	const visits = new Map<TestLocale, { context: BrowserContext; page: Page }>();

	beforeAll(async () => {
		server = await startServer();
		browser = await launchChromium();
		// One first visit per locale, while the network is there.
		for (const locale of LOCALES) {
			const context = await newContext(browser);
			const page = await context.newPage();
			await page.goto(`${server.url}/${locale}`);
			await waitForOfflineReady(page);
			visits.set(locale, { context, page });
		}
		// No network at all from here on: the browser is offline and the server is gone.
		await server.stop();
		for (const { context } of visits.values()) await context.setOffline(true);
	});

	afterAll(async () => {
		await browser?.close();
		await server?.stop();
	});

	it.each(LOCALES)('reloads and navigates in %s', async (locale) => {
		const { page } = visits.get(locale)!;
		await page.reload();
		expect(await page.getAttribute('html', 'lang')).toBe(locale);
		expect(await page.textContent('h1')).toBe(message(locale, 'home_hero_heading'));
		await expect.poll(() => page.getByRole('status').first().textContent()).toContain(message(locale, 'status_offline'));

		// A client-side navigation through the menu …
		await page.getByRole('navigation', { name: message(locale, 'nav_label') }).getByRole('link', { name: message(locale, 'nav_settings') }).click();
		await page.waitForURL(`**/${locale}/settings`);
		expect(await page.textContent('h1')).toBe(message(locale, 'settings_title'));

		// … and full page loads, with and without a trailing slash.
		await page.goto(`${server.url}/${locale}/`);
		expect(await page.textContent('h1')).toBe(message(locale, 'home_hero_heading'));
		await page.goto(`${server.url}/${locale}/settings`);
		expect(await page.textContent('h1')).toBe(message(locale, 'settings_title'));
		expect(await page.getAttribute('html', 'lang')).toBe(locale);
	});

	it.each(LOCALES)('opens / in the last language used (%s)', async (locale) => {
		const { page } = visits.get(locale)!;
		await page.goto(`${server.url}/`);
		await page.waitForURL(`${server.url}/${locale}`);
		expect(await page.textContent('h1')).toBe(message(locale, 'home_hero_heading'));
	});

	it('shows the other languages offline too', async () => {
		const { page } = visits.get('ky')!;
		await page.goto(`${server.url}/en/settings`);
		expect(await page.getAttribute('html', 'lang')).toBe('en');
		expect(await page.textContent('h1')).toBe(message('en', 'settings_title'));
	});
});
