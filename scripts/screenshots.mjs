// Screenshots of pages at a phone's and a laptop's size, for looking at what a person sees:
//   node scripts/screenshots.mjs http://localhost:3000 /ky /ru/settings   → .tmp/screenshots/*.png
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
		for (const path of paths.length ? paths : ['/ky']) {
			await page.goto(base + path, { waitUntil: 'networkidle' });
			const file = `.tmp/screenshots/${path.replace(/\W+/g, '_') || 'root'}-${viewport.name}.png`;
			await page.screenshot({ path: file, fullPage: process.env.FULL_PAGE === '1' });
			console.log(file);
		}
		await page.close();
	}
} finally {
	await browser.close();
}
