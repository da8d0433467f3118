import { describe, expect, it } from 'vitest';
import { message, newContext, useAppInChromium } from '../support/browser';

describe('the settings page', () => {
	const app = useAppInChromium();

	it('explains what it means when the browser refuses persistent storage, and shows usage', async () => {
		const context = await newContext(app.browser);
		const page = await context.newPage();
		await page.goto(`${app.server.url}/ru/settings`);
		const status = page.getByTestId('storage-status');
		await expect.poll(() => status.getAttribute('data-persistence')).toBe('refused');
		expect(await status.textContent()).toContain(message('ru', 'storage_persisted_no'));
		expect(await page.getByTestId('storage-usage').textContent()).toMatch(/^\s*Занято [\d,]+ (Б|КБ|МБ) из [\d,]+ (МБ|ГБ)\s*$/);
		expect(await page.getByRole('button', { name: message('ru', 'storage_ask_again') }).count()).toBe(1);
		await context.close();
	});

	it('shows persistent storage as granted when the browser grants it', async () => {
		const context = await newContext(app.browser);
		const page = await context.newPage();
		// Headless Chromium refuses persist() unless the durable-storage permission is granted to this context.
		const pageSession = await context.newCDPSession(page);
		const { targetInfo } = await pageSession.send('Target.getTargetInfo');
		const cdp = await app.browser.newBrowserCDPSession();
		await cdp.send('Browser.grantPermissions', {
			origin: app.server.url,
			permissions: ['durableStorage'],
			browserContextId: targetInfo.browserContextId
		});
		await page.goto(`${app.server.url}/ky/settings`);
		const status = page.getByTestId('storage-status');
		await expect.poll(() => status.getAttribute('data-persistence')).toBe('granted');
		expect(await status.textContent()).toContain(message('ky', 'storage_persisted_yes'));
		await context.close();
	});
});
