import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, message, newContext, waitForOfflineReady } from '../support/browser';
import { startServer, type RunningServer } from '../support/server';
import { startServiceWorkerProxy, type ServiceWorkerProxy } from '../support/service-worker-proxy';

describe('a new version', () => {
	let server: RunningServer;
	let proxy: ServiceWorkerProxy;
	let browser: Browser;

	beforeAll(async () => {
		server = await startServer();
		proxy = await startServiceWorkerProxy(server.url);
		browser = await launchChromium();
	});

	afterAll(async () => {
		await browser?.close();
		await proxy?.close();
		await server?.stop();
	});

	it('is offered with "reload" while it waits, and takes over when accepted', async () => {
		const context = await newContext(browser);
		const page = await context.newPage();
		await page.goto(`${proxy.url}/en`);
		await waitForOfflineReady(page);
		// The page watches for updates once workbox-window has registered (it loads after the first paint).
		await page.locator('main[data-service-worker="watching"]').waitFor();
		const reload = page.getByRole('button', { name: message('en', 'update_reload') });
		expect(await reload.count()).toBe(0);

		proxy.publishNewVersion();
		await page.evaluate(() => navigator.serviceWorker.getRegistration().then((registration) => registration?.update()));

		await reload.waitFor({ timeout: 30_000 });
		expect(await page.getByText(message('en', 'update_ready')).isVisible()).toBe(true);
		// The old worker still controls the page until the person accepts.
		expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => Boolean(r?.waiting)))).toBe(true);

		// Accepting activates the waiting worker and reloads the page under it.
		await Promise.all([page.waitForEvent('load'), reload.click()]);
		await page.waitForFunction(() => navigator.serviceWorker.getRegistration().then((r) => !r?.waiting && Boolean(r?.active)));
		expect(await page.getByRole('button', { name: message('en', 'update_reload') }).count()).toBe(0);
		await context.close();
	});
});
