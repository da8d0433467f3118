import { eq } from 'drizzle-orm';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readServerConfig } from '../config';
import { openDatabase, type DatabaseHandle } from './connection';
import { sqliteProbe } from './probe';
import { PROGRAMME_TARGETS, REGIONS } from './reference-data';
import { appMeta, programmeTargets, regions } from './schema';
import { seedReferenceData } from './seed';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

function openInFreshDirectory(): { handle: DatabaseHandle; dataDir: string } {
	const parent = mkdtempSync(path.join(tmpdir(), 'taza-db-'));
	// A directory that does not exist yet: the server must create it.
	const dataDir = path.join(parent, 'nested', 'data');
	const handle = openDatabase(readServerConfig({ TAZA_DATA_DIR: dataDir }));
	cleanups.push(() => {
		handle.sqlite.close();
		rmSync(parent, { recursive: true, force: true });
	});
	return { handle, dataDir };
}

describe('the server database', () => {
	it('is created under TAZA_DATA_DIR with the durability pragmas', () => {
		const { handle, dataDir } = openInFreshDirectory();
		expect(existsSync(path.join(dataDir, 'taza.db'))).toBe(true);
		const probe = sqliteProbe(handle.sqlite);
		expect(probe.journalMode()).toBe('wal');
		expect(probe.synchronous()).toBe('full');
		expect(probe.foreignKeys()).toBe(true);
		expect(handle.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
	});

	it('applies the migrations in drizzle/', () => {
		const { handle } = openInFreshDirectory();
		const tables = handle.sqlite
			.prepare("select name from sqlite_master where type = 'table' and name not like '\\_\\_%' escape '\\' order by name")
			.pluck()
			.all();
		expect(tables).toEqual(expect.arrayContaining(['app_meta', 'programme_targets', 'regions']));
	});

	it('writes reference data once and corrects rows changed since', () => {
		const { handle } = openInFreshDirectory();
		expect(seedReferenceData(handle.db)).toEqual({ written: true });
		expect(seedReferenceData(handle.db)).toEqual({ written: false });
		expect(handle.db.select().from(regions).all()).toHaveLength(REGIONS.length);
		expect(handle.db.select().from(programmeTargets).all()).toHaveLength(PROGRAMME_TARGETS.length);

		handle.db.update(regions).set({ nameRu: 'wrong' }).where(eq(regions.code, 'naryn')).run();
		handle.db.update(appMeta).set({ value: '0' }).where(eq(appMeta.key, 'reference_data_version')).run();
		expect(seedReferenceData(handle.db)).toEqual({ written: true });
		expect(handle.db.select().from(regions).where(eq(regions.code, 'naryn')).get()?.nameRu).toBe('Нарынская область');
	});
});

describe('readServerConfig', () => {
	it('defaults the data directory to ./data', () => {
		expect(readServerConfig({}).databaseFile).toBe(path.resolve('data/taza.db'));
	});
});
