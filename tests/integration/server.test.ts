import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../support/server';

describe('the production server', () => {
	let server: RunningServer;
	let parent: string;

	beforeAll(async () => {
		parent = mkdtempSync(path.join(tmpdir(), 'taza-server-'));
		// Not created yet: the server makes its data directory itself.
		server = await startServer({ dataDir: path.join(parent, 'fresh', 'data') });
	});

	afterAll(async () => {
		await server?.stop();
		rmSync(parent, { recursive: true, force: true });
	});

	it('reports health: version, database OK, WAL journal', async () => {
		const response = await fetch(`${server.url}/api/health`);
		expect(response.status).toBe(200);
		expect(response.headers.get('cache-control')).toBe('no-store');
		const body = await response.json();
		expect(body).toMatchObject({
			status: 'ok',
			version: expect.stringMatching(/^\d+\.\d+\.\d+/),
			database: { ok: true, journalMode: 'wal', synchronous: 'full', foreignKeys: true }
		});
	});

	it('creates the database under TAZA_DATA_DIR and migrates it at start', () => {
		const file = path.join(server.dataDir, 'taza.db');
		expect(existsSync(file)).toBe(true);
		const db = new Database(file, { readonly: true });
		try {
			expect(db.prepare('select count(*) from regions').pluck().get()).toBe(9);
			expect(db.prepare("select target from programme_targets where code = 'teachers-trained'").pluck().get()).toBe(500);
		} finally {
			db.close();
		}
	});

	it('sends / to the remembered language, else the browser’s, else Kyrgyz', async () => {
		const go = (headers: Record<string, string>) =>
			fetch(`${server.url}/`, { redirect: 'manual', headers }).then((r) => [r.status, r.headers.get('location')]);
		expect(await go({})).toEqual([307, '/ky']);
		expect(await go({ 'accept-language': 'de-DE,ru;q=0.8,en;q=0.5' })).toEqual([307, '/ru']);
		expect(await go({ 'accept-language': 'en-GB' })).toEqual([307, '/en']);
		expect(await go({ 'accept-language': 'en-GB', cookie: 'PARAGLIDE_LOCALE=ru' })).toEqual([307, '/ru']);
		expect(await go({ 'accept-language': 'fr' })).toEqual([307, '/ky']);
	});

	it('serves each locale’s pages with the right <html lang>', async () => {
		for (const locale of ['ky', 'ru', 'en']) {
			for (const page of ['', '/settings']) {
				const response = await fetch(`${server.url}/${locale}${page}`);
				expect(response.status).toBe(200);
				expect(await response.text()).toContain(`<html lang="${locale}">`);
			}
		}
	});

	it('answers an unknown locale or page with 404', async () => {
		expect((await fetch(`${server.url}/de`)).status).toBe(404);
		expect((await fetch(`${server.url}/ru/no-such-page`)).status).toBe(404);
	});

	it('serves the manifest, icons and service worker the PWA needs', async () => {
		const manifest = await (await fetch(`${server.url}/manifest.webmanifest`)).json();
		expect(manifest).toMatchObject({ start_url: '/', display: 'standalone' });
		for (const icon of manifest.icons as { src: string }[]) {
			expect((await fetch(`${server.url}${icon.src}`)).status, icon.src).toBe(200);
		}
		const worker = await fetch(`${server.url}/service-worker.js`);
		expect(worker.status).toBe(200);
		expect(await worker.text()).toContain('taza-shell-');
	});

	it('keeps its data and starts cleanly on a second start', async () => {
		await server.stop();
		server = await startServer({ dataDir: server.dataDir });
		const body = await (await fetch(`${server.url}/api/health`)).json();
		expect(body.status).toBe('ok');
	});
});
