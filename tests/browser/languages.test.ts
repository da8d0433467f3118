import { describe, expect, it } from 'vitest';
import { LOCALES, message, newContext, useAppInChromium } from '../support/browser';

describe('languages', () => {
	const app = useAppInChromium();

	it.each(LOCALES)('shows the home page in %s with the right <html lang>', async (locale) => {
		const context = await newContext(app.browser);
		const page = await context.newPage();
		await page.goto(`${app.server.url}/${locale}`);
		expect(await page.getAttribute('html', 'lang')).toBe(locale);
		expect(await page.textContent('h1')).toBe(message(locale, 'home_hero_heading'));
		expect(await page.title()).toBe(message(locale, 'home_title'));
		await context.close();
	});

	it.each([
		['ru-RU', '/ru'],
		['en-GB', '/en'],
		['ky-KG', '/ky'],
		['de-DE', '/ky']
	])('opens / in the browser’s language (%s → %s), falling back to Kyrgyz', async (browserLocale, expected) => {
		const context = await newContext(app.browser, { locale: browserLocale });
		const page = await context.newPage();
		await page.goto(`${app.server.url}/`);
		expect(new URL(page.url()).pathname).toBe(expected);
		await context.close();
	});

	it('switches language from the switcher, keeps the page, and remembers the choice', async () => {
		const context = await newContext(app.browser, { locale: 'ky-KG' });
		const page = await context.newPage();
		await page.goto(`${app.server.url}/ky/settings`);
		await page
			.getByRole('banner')
			.getByRole('navigation', { name: message('ky', 'language_switcher_label') })
			.getByRole('link', { name: 'Русский' })
			.click();
		await page.waitForURL(`${app.server.url}/ru/settings`);
		expect(await page.getAttribute('html', 'lang')).toBe('ru');
		expect(await page.textContent('h1')).toBe(message('ru', 'settings_title'));

		// Remembered means the cookie is written; on a loaded machine that can trail the new page by a moment.
		await expect.poll(async () => (await context.cookies()).find((cookie) => cookie.name === 'PARAGLIDE_LOCALE')?.value).toBe('ru');
		await page.goto(`${app.server.url}/`);
		expect(new URL(page.url()).pathname).toBe('/ru');
		await context.close();
	});

	it('lets a keyboard user skip straight to the content', async () => {
		const context = await newContext(app.browser);
		const page = await context.newPage();
		await page.goto(`${app.server.url}/en`, { waitUntil: 'networkidle' });
		await page.keyboard.press('Tab');
		const skip = page.getByRole('link', { name: message('en', 'skip_to_content') });
		expect(await skip.evaluate((element) => element === document.activeElement)).toBe(true);
		expect((await skip.boundingBox())?.y).toBeGreaterThanOrEqual(0);
		await page.keyboard.press('Enter');
		await page.waitForURL(/#main$/);
		await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
		await context.close();
	});
});
