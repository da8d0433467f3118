import { describe, expect, it } from 'vitest';
import { findContrastFailures, findSmallTouchTargets } from '../support/accessibility';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/lib/server/services/demo-data.service';
import { LOCALES, newContext, signInOnPage, useAppInChromium } from '../support/browser';

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
	`/${locale}/games`,
	`/${locale}/games/gift-or-bribe`,
	`/${locale}/games/spot-the-risk`,
	`/${locale}/reporting-channels`,
	`/${locale}/account`,
	`/${locale}/classes`,
	`/${locale}/organisations`,
	`/${locale}/admin`,
	`/${locale}/join`,
	`/${locale}/verify`,
	`/${locale}/certificates`,
	`/${locale}/admin/targets`,
	`/${locale}/training/seminars/new`
]);

/** Pages that show their content only to a role, with the demo person who has it. */
const rolePages = [
	{ login: 'demo.org.admin', path: '/ru/organisations' },
	{ login: 'demo.admin', path: '/ky/admin' },
	{ login: 'demo.admin', path: '/en/organisations' },
	{ login: 'demo.teacher', path: '/ky/classes' },
	{ login: 'demo.learner', path: '/ru/courses' },
	{ login: 'demo.learner', path: '/ky/certificates' },
	{ login: 'demo.admin', path: '/ky/admin/targets' },
	{ login: 'demo.admin', path: '/ru/admin/targets/people?region=naryn' },
	{ login: 'demo.trainer', path: '/ky/training/seminars/new' }
];

describe('accessibility of every page', () => {
	const app = useAppInChromium({ env: { TAZA_DEMO_DATA: '1' } });

	async function checkPage(page: Page, path: string) {
		expect(await page.getByRole('banner').count(), path).toBe(1);
		expect(await page.getByRole('main').count(), path).toBe(1);
		expect(await page.getByRole('contentinfo').count(), path).toBe(1);
		expect(await page.locator('h1').count(), path).toBe(1);
		expect(await findContrastFailures(page), path).toEqual([]);
		expect(await findSmallTouchTargets(page), path).toEqual([]);
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
	}

	it.each(viewports)('role pages, signed in, pass the same checks on a $name', async (viewport) => {
		for (const { login, path } of rolePages) {
			const context = await newContext(app.browser, { viewport });
			const page = await context.newPage();
			await signInOnPage(page, app.server.url, login, DEMO_PASSWORD);
			await page.goto(`${app.server.url}${path}`, { waitUntil: 'networkidle' });
			await checkPage(page, `${path} as ${login}`);
			await context.close();
		}
	});

	it.each(viewports)('has landmarks, one h1, AA contrast, 48 px targets and no sideways scroll on a $name', async (viewport) => {
		const context = await newContext(app.browser, { viewport });
		const page = await context.newPage();
		for (const path of pages) {
			await page.goto(`${app.server.url}${path}`, { waitUntil: 'networkidle' });
			await checkPage(page, path);
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

	it('lets a keyboard user answer a question and move on in the lesson player', async () => {
		const context = await newContext(app.browser);
		const page = await context.newPage();
		await page.goto(`${app.server.url}/en/courses/honest-choices/fairness-and-rules`, { waitUntil: 'networkidle' });
		const player = page.locator('.lesson-player');
		await player.waitFor();
		const press = async (key: string, times = 1) => {
			for (let i = 0; i < times; i += 1) await page.keyboard.press(key);
		};
		const focusedIs = (selector: string) => page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);

		// Move through reading blocks with the keyboard until a question comes up.
		for (let guard = 0; guard < 10; guard += 1) {
			const type = await page.locator('[data-block-type]').getAttribute('data-block-type');
			if (type !== 'text' && type !== 'image') break;
			await page.getByRole('button', { name: 'Next', exact: true }).focus();
			await press('Enter');
			expect(await focusedIs('.lesson-player .step')).toBe(true);
		}
		const before = Number(await player.getAttribute('data-block-index'));
		// Tab from the step heading into the first answer, choose it with the keyboard, then Check.
		for (let guard = 0; guard < 20 && !(await focusedIs('.lesson-player input')); guard += 1) await press('Tab');
		await press('Space');
		for (let guard = 0; guard < 20 && !(await focusedIs('.lesson-player button.check')); guard += 1) await press('Tab');
		await press('Enter');
		await page.locator('.lesson-player [aria-live] > *').first().waitFor();
		for (let guard = 0; guard < 20 && !(await focusedIs('.controls button.primary')); guard += 1) await press('Tab');
		await press('Enter');
		expect(Number(await player.getAttribute('data-block-index'))).toBe(before + 1);
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
