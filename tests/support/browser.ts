import { readFileSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { chromiumLaunchOptions } from './chromium.js';
import { startServer, type RunningServer } from './server';

export const LOCALES = ['ky', 'ru', 'en'] as const;
export type TestLocale = (typeof LOCALES)[number];

export function launchChromium(): Promise<Browser> {
	return chromium.launch(chromiumLaunchOptions());
}

/** A message's text as a reader sees it, straight from the catalogue (so a test never hard-codes translations). */
export function message(locale: TestLocale, key: string): string {
	const catalogue = JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as Record<string, unknown>;
	const text = catalogue[key];
	if (typeof text !== 'string') throw new Error(`messages/${locale}.json has no plain message "${key}"`);
	return text;
}

export async function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
	return browser.newContext({ serviceWorkers: 'allow', ...options });
}

/** Waits until the service worker has installed the shell and controls the page. */
export async function waitForOfflineReady(page: Page): Promise<void> {
	await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** The built app on its own server and one Chromium, for the tests of a file; read them inside tests. */
export function useAppInChromium(options: { env?: Record<string, string> } = {}): { readonly server: RunningServer; readonly browser: Browser } {
	const app = {} as { server: RunningServer; browser: Browser };
	beforeAll(async () => {
		app.server = await startServer({ env: options.env });
		app.browser = await launchChromium();
	});
	afterAll(async () => {
		await app.browser?.close();
		await app.server?.stop();
	});
	return app;
}

/**
 * Signs in on the account page, as a person does: the device then holds that person's profile and token, which every
 * page's API calls use (a cookie alone is not enough on a shared device).
 */
export async function signInOnPage(page: Page, baseUrl: string, login: string, password: string): Promise<void> {
	await page.goto(`${baseUrl}/en/account`, { waitUntil: 'networkidle' });
	await page.locator('#sign-in-login').fill(login);
	await page.locator('#sign-in-password').fill(password);
	await page.getByRole('button', { name: message('en', 'account_sign_in_button'), exact: true }).click();
	await expect.poll(() => page.getByTestId('account').getAttribute('data-status'), { timeout: 15_000 }).toBe('signed-in');
}
