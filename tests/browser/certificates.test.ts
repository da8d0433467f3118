import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEY_RING_FILE } from '../../src/lib/server/certificates/key-ring';
import { DEMO_PASSWORD } from '../../src/lib/server/services/demo-data.service';
import { launchChromium, message, newContext, signInOnPage, waitForOfflineReady } from '../support/browser';
import { startServer, type RunningServer } from '../support/server';

const COURSE = 'integrity-public-service';

/** One character of the recipient's name changed inside the signed token, the signature kept: a forgery. */
function forgeName(token: string): string {
	const [header, payload, signature] = token.split('.') as [string, string, string];
	const text = Buffer.from(payload, 'base64url').toString('utf8').replace('Өмүрбекова', 'Өмүрбекава');
	return `${header}.${Buffer.from(text).toString('base64url')}.${signature}`;
}

describe('a certificate, got by its learner and checked on the verify page', () => {
	let server: RunningServer;
	let browser: Browser;
	// The server signs with the key ring the build bundled (npm start builds and serves from one data directory).
	const dataDir = mkdtempSync(path.join(tmpdir(), 'taza-cert-browser-'));

	beforeAll(async () => {
		copyFileSync(path.join(path.resolve(process.env.TAZA_DATA_DIR || './data'), KEY_RING_FILE), path.join(dataDir, KEY_RING_FILE));
		server = await startServer({ dataDir, env: { TAZA_DEMO_DATA: '1' } });
		browser = await launchChromium();
	});

	afterAll(async () => {
		await browser?.close();
		await server?.stop();
		rmSync(dataDir, { recursive: true, force: true });
	});

	it('is issued from "My certificates", verifies offline as genuine, a forged copy as tampered, and shows its revocation online', async () => {
		const signUp = await fetch(`${server.url}/api/auth/sign-up`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ login: 'aigul.browser', password: DEMO_PASSWORD, displayName: 'Айгүл Өмүрбекова' })
		});
		const { personId } = (await signUp.json()) as { personId: string };
		// The course completed on the server, as ingest records it after a re-graded passing test.
		const db = new Database(path.join(dataDir, 'taza.db'));
		db.prepare("insert into course_summaries (person_id, course_id, rule_version, summary, completed_at, updated_at) values (?, ?, 1, '{}', ?, ?)").run(
			personId,
			COURSE,
			'2026-11-20T10:00:00.000Z',
			'2026-11-20T10:00:00.000Z'
		);
		db.close();

		const context = await newContext(browser, { viewport: { width: 360, height: 640 } });
		const page = await context.newPage();
		const pageErrors: string[] = [];
		page.on('pageerror', (error) => pageErrors.push(error.message));
		await signInOnPage(page, server.url, 'aigul.browser', DEMO_PASSWORD);
		await waitForOfflineReady(page);

		await page.goto(`${server.url}/ky/certificates`, { waitUntil: 'networkidle' });
		await page.getByRole('button', { name: message('ky', 'cert_get_button') }).click();
		const card = page.getByTestId('certificate');
		await card.waitFor();
		expect(await card.getByTestId('certificate-recipient').textContent()).toBe('Айгүл Өмүрбекова');
		await expect.poll(() => card.getByTestId('certificate-qr').locator('svg').count()).toBe(1);
		const link = (await card.getByTestId('certificate-verify-link').getAttribute('href'))!;
		expect(link).toMatch(new RegExp(`^${server.url}/ky/verify#[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$`));
		const token = link.split('#')[1]!;

		// The PDF downloads for its holder.
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: message('ky', 'cert_download_pdf') }).click()]);
		expect(download.suggestedFilename()).toMatch(/^taza-certificate-.+\.pdf$/);

		// Offline — no network at all — the QR link opens the verify page, which says genuine.
		await context.setOffline(true);
		await page.goto(link);
		const result = page.getByTestId('verify-result');
		await expect.poll(() => result.getAttribute('data-status')).toBe('valid');
		await expect.poll(() => result.getAttribute('data-revocation')).toBe('offline');
		expect(await result.getByRole('heading').textContent()).toContain(message('ky', 'cert_verify_valid'));
		expect(await result.getByTestId('certificate-recipient').textContent()).toBe('Айгүл Өмүрбекова');

		// One character of the name changed: tampered, still offline.
		await page.goto(`${server.url}/ky/verify#${forgeName(token)}`);
		await expect.poll(() => result.getAttribute('data-status')).toBe('tampered');
		expect(await result.getByRole('heading').textContent()).toContain(message('ky', 'cert_verify_tampered'));
		expect(await result.getByTestId('certificate-recipient').count()).toBe(0);

		// Pasted into the field instead of scanned: the same verdicts.
		await page.locator('#certificate-input').fill(token);
		await page.getByRole('button', { name: message('ky', 'cert_verify_button'), exact: true }).click();
		await expect.poll(() => result.getAttribute('data-status')).toBe('valid');

		// Back online, after an administrator revoked it: the page says revoked.
		await context.setOffline(false);
		const admin = await fetch(`${server.url}/api/auth/sign-in`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ login: 'demo.admin', password: DEMO_PASSWORD })
		});
		const cookie = admin.headers.get('set-cookie')!.split(';')[0]!;
		const id = link && (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as { jti: string }).jti;
		const revoke = await fetch(`${server.url}/api/certificates/${id}/revoke`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ reason: 'issued-in-error' }) });
		expect(revoke.status).toBe(200);
		await page.goto(`${server.url}/ru/verify#${token}`);
		await expect.poll(() => result.getAttribute('data-status')).toBe('revoked');
		expect(await result.getByRole('heading').textContent()).toContain(message('ru', 'cert_verify_revoked'));
		expect(await result.textContent()).toContain(message('ru', 'cert_reason_issued_in_error'));
		expect(pageErrors).toEqual([]);
		await context.close();
	});
});
