// Screenshots of pages at a phone's and a laptop's size, for looking at what a person sees:
//   node scripts/screenshots.mjs http://localhost:3000 /ky /ru/settings   → .tmp/screenshots/*.png
// SIGN_IN=demo.teacher (with the demo password, or SIGN_IN_PASSWORD) signs in first, for pages behind an account.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { chromiumLaunchOptions } from '../tests/support/chromium.js';

const [base = 'http://localhost:3000', ...paths] = process.argv.slice(2);
const viewports = [
	{ name: 'phone', width: 360, height: 640 },
	{ name: 'laptop', width: 1280, height: 800 }
];
mkdirSync('.tmp/screenshots', { recursive: true });
const browser = await chromium.launch(chromiumLaunchOptions());
try {
	for (const viewport of viewports) {
		const page = await browser.newPage({ viewport });
		if (process.env.SIGN_IN) {
			// As a person does: the device keeps the profile and its token, which the pages' API calls use.
			await page.goto(`${base}/en/account`, { waitUntil: 'networkidle' });
			await page.fill('#sign-in-login', process.env.SIGN_IN);
			await page.fill('#sign-in-password', process.env.SIGN_IN_PASSWORD ?? 'taza-demo-2026');
			await page.click('form button[type="submit"]');
			await page.waitForSelector('[data-testid="account"][data-status="signed-in"]');
		}
		for (const path of paths.length ? paths : ['/ky']) {
			await page.goto(base + path, { waitUntil: 'networkidle' });
			const file = `.tmp/screenshots/${path.replace(/\W+/g, '_') || 'root'}${process.env.SIGN_IN ? `-${process.env.SIGN_IN}` : ''}-${viewport.name}.png`;
			await page.screenshot({ path: file, fullPage: process.env.FULL_PAGE === '1' });
			console.log(file);
		}
		await page.close();
	}
} finally {
	await browser.close();
}
