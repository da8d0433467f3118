// What browser tests of teacher training share: reading the app's IndexedDB as it wrote it, and showing a QR code to
// a scanner through its test seam (src/lib/training/README.md).
import QRCode from 'qrcode';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { message } from './browser';

/** Every row of one store of the page's IndexedDB. */
export function readStore<Row>(page: Page, store: string): Promise<Row[]> {
	return page.evaluate(
		(name) =>
			new Promise<Row[]>((resolve, reject) => {
				const request = indexedDB.open('taza');
				request.onerror = () => reject(request.error);
				request.onsuccess = () => {
					const all = request.result.transaction(name).objectStore(name).getAll();
					all.onsuccess = () => resolve(all.result as Row[]);
					all.onerror = () => reject(all.error);
				};
			}),
		store
	);
}

/** Shows a scanner a QR code as a camera would: a PNG of it, decoded in the page by jsQR through the test seam. */
export async function showToScanner(page: Page, scannerId: string, text: string): Promise<void> {
	await page.getByTestId(`${scannerId}-scanner`).getByRole('button', { name: message('en', 'checkin_scan_start'), exact: true }).click();
	await page.waitForFunction(() => window.tazaScannerTest?.active === true);
	const png = await QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 4, scale: 6 });
	await page.evaluate((frame) => window.tazaScannerTest!.feed(frame), png);
	await expect.poll(() => page.getByTestId(`${scannerId}-scanner`).getAttribute('data-phase')).toBe('idle');
}
