import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, message, newContext } from '../support/browser';
import { startServer, type RunningServer } from '../support/server';

describe('the settings page', () => {
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

	it('explains what it means when the browser refuses persistent storage, and shows usage', async () => {
		const context = await newContext(browser);
		const page = await context.newPage();
		await page.goto(`${server.url}/ru/settings`);
		const status = page.getByTestId('storage-status');
		await expect.poll(() => status.getAttribute('data-persistence')).toBe('refused');
		expect(await status.textContent()).toContain(message('ru', 'storage_persisted_no'));
		expect(await page.getByTestId('storage-usage').textContent()).toMatch(/^\s*Занято [\d,]+ (Б|КБ|МБ) из [\d,]+ (МБ|ГБ)\s*$/);
		expect(await page.getByRole('button', { name: message('ru', 'storage_ask_again') }).count()).toBe(1);
		await context.close();
	});

	it('shows persistent storage as granted when the browser grants it', async () => {
		const context = await newContext(browser);
		const page = await context.newPage();
		// Headless Chromium refuses persist() unless the durable-storage permission is granted to this context.
		const pageSession = await context.newCDPSession(page);
		const { targetInfo } = await pageSession.send('Target.getTargetInfo');
		const cdp = await browser.newBrowserCDPSession();
		await cdp.send('Browser.grantPermissions', {
			origin: server.url,
			permissions: ['durableStorage'],
			browserContextId: targetInfo.browserContextId
		});
		await page.goto(`${server.url}/ky/settings`);
		const status = page.getByTestId('storage-status');
		await expect.poll(() => status.getAttribute('data-persistence')).toBe('granted');
		expect(await status.textContent()).toContain(message('ky', 'storage_persisted_yes'));
		await context.close();
	});
});
