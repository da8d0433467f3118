import { describe, expect, it } from 'vitest';
import { findContrastFailures, findSmallTouchTargets } from '../support/accessibility';
import { LOCALES, newContext, useAppInChromium } from '../support/browser';

const viewports = [
	{ name: 'phone', width: 360, height: 640 },
	{ name: 'laptop', width: 1280, height: 800 }
];
const pages = LOCALES.flatMap((locale) => [
	`/${locale}`,
	`/${locale}/settings`,
	`/${locale}/courses`,
	`/${locale}/courses/honest-choices`,
	`/${locale}/courses/honest-choices/gift-or-bribe`,
	`/${locale}/reporting-channels`
]);

describe('accessibility of every page', () => {
	const app = useAppInChromium();

	it.each(viewports)('has landmarks, one h1, AA contrast, 48 px targets and no sideways scroll on a $name', async (viewport) => {
		const context = await newContext(app.browser, { viewport });
		const page = await context.newPage();
		for (const path of pages) {
			await page.goto(`${app.server.url}${path}`, { waitUntil: 'networkidle' });
			expect(await page.getByRole('banner').count(), path).toBe(1);
			expect(await page.getByRole('main').count(), path).toBe(1);
			expect(await page.getByRole('contentinfo').count(), path).toBe(1);
			expect(await page.locator('h1').count(), path).toBe(1);
			expect(await findContrastFailures(page), path).toEqual([]);
			expect(await findSmallTouchTargets(page), path).toEqual([]);
			const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
			expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
		}
		await context.close();
	});

	it('has checks that catch faint text and small buttons', async () => {
		const context = await newContext(app.browser);
		const page = await context.newPage();
		await page.setContent(
			'<main><p style="color:#aaa;background:#fff">faint</p><button style="width:30px;height:30px">x</button></main>'
		);
		expect(await findContrastFailures(page)).toEqual([{ text: 'faint', ratio: 2.32, required: 4.5 }]);
		expect(await findSmallTouchTargets(page)).toEqual([{ name: 'x', width: 30, height: 30 }]);
		await context.close();
	});

	it('shows where the keyboard focus is', async () => {
		const context = await newContext(app.browser);
		const page = await context.newPage();
		await page.goto(`${app.server.url}/ru`);
		for (let step = 0; step < 4; step += 1) {
			await page.keyboard.press('Tab');
			const outline = await page.evaluate(() => {
				const style = getComputedStyle(document.activeElement!);
				return { width: parseFloat(style.outlineWidth), style: style.outlineStyle };
			});
			expect(outline.style).not.toBe('none');
			expect(outline.width).toBeGreaterThanOrEqual(2);
		}
		await context.close();
	});
});
