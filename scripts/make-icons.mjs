// Renders the PNG app icons from the SVG sources in static/icons with headless Chromium.
// Run after changing an icon: node scripts/make-icons.mjs (the PNGs are committed).
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { chromiumLaunchOptions } from '../tests/support/chromium.js';

const targets = [
	{ source: 'favicon.svg', out: 'icon-192.png', size: 192 },
	{ source: 'favicon.svg', out: 'icon-512.png', size: 512 },
	{ source: 'favicon.svg', out: 'apple-touch-icon.png', size: 180 },
	{ source: 'maskable.svg', out: 'maskable-512.png', size: 512 }
];

const browser = await chromium.launch(chromiumLaunchOptions());
try {
	for (const { source, out, size } of targets) {
		const svg = readFileSync(new URL(`../static/icons/${source}`, import.meta.url), 'utf8');
		const page = await browser.newPage({ viewport: { width: size, height: size } });
		await page.setContent(`<style>html,body{margin:0}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
		await page.screenshot({ path: new URL(`../static/icons/${out}`, import.meta.url).pathname, omitBackground: true });
		await page.close();
		console.log(`static/icons/${out} (${size}×${size})`);
	}
} finally {
	await browser.close();
}
