import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TazaLocalDatabase } from './database';
import { readStorageStatus, requestPersistenceOnce, usedPercent } from './persistence';
import { createSettingsRepo } from './settings.repo';

const databases: TazaLocalDatabase[] = [];
const clock = () => new Date('2026-11-26T10:00:00Z');
function freshSettings() {
	const db = new TazaLocalDatabase(`taza-test-${databases.length}-${Math.random()}`);
	databases.push(db);
	return createSettingsRepo(db, clock);
}

afterEach(async () => {
	await Promise.all(databases.splice(0).map((db) => db.delete()));
});

describe('storage status', () => {
	it('reports persistence and usage as the browser gives them', async () => {
		const status = await readStorageStatus({
			persisted: async () => false,
			estimate: async () => ({ usage: 2048, quota: 1_000_000 })
		});
		expect(status).toEqual({ persistence: 'refused', usageBytes: 2048, quotaBytes: 1_000_000 });
	});

	it('says unsupported when the browser has no storage manager', async () => {
		expect(await readStorageStatus(undefined)).toEqual({ persistence: 'unsupported' });
	});
});

describe('usedPercent', () => {
	it('is the share of the quota, never below a visible sliver nor above full', () => {
		expect(usedPercent(250, 1000)).toBe(25);
		expect(usedPercent(1, 1_000_000)).toBe(1);
		expect(usedPercent(2000, 1000)).toBe(100);
		expect(usedPercent(5, 0)).toBe(100);
	});
});

describe('asking for persistent storage', () => {
	it('asks once, remembers it asked, and does not ask again', async () => {
		const settings = freshSettings();
		const persist = vi.fn(async () => false);
		const storage = { persist, persisted: async () => false };

		expect(await requestPersistenceOnce(storage, settings, clock)).toBe('refused');
		expect(await requestPersistenceOnce(storage, settings)).toBe('already-asked');
		expect(persist).toHaveBeenCalledTimes(1);
		expect(await settings.get('storage.persistenceAskedAt')).toBe('2026-11-26T10:00:00.000Z');
	});

	it('does not ask when persistence is already granted', async () => {
		const persist = vi.fn(async () => true);
		expect(await requestPersistenceOnce({ persist, persisted: async () => true }, freshSettings())).toBe('granted');
		expect(persist).not.toHaveBeenCalled();
	});
});

describe('the local database', () => {
	it('opens at its latest version with every table', async () => {
		const db = new TazaLocalDatabase(`taza-open-${Math.random()}`);
		databases.push(db);
		await db.open();
		expect(db.verno).toBe(7);
		expect(db.tables.map((table) => table.name).sort()).toEqual([
			'assignmentCache',
			'assignmentDrafts',
			'attachments',
			'cursors',
			'events',
			'facilitatorPacks',
			'outbox',
			'packs',
			'profiles',
			'pulledSummaries',
			'seminarKits',
			'seminarRegistrations',
			'settings',
			'summaries'
		]);
	});
});
