import { Dexie, type EntityTable } from 'dexie';

/** A device-local preference or fact (when persistence was last asked for, …). */
export interface SettingRow {
	key: string;
	value: unknown;
	updatedAt: string;
}

/**
 * The one IndexedDB database of the app. Every `version()` stays in this file forever: a phone that skipped a
 * release must still upgrade step by step from whatever it has.
 */
export class TazaLocalDatabase extends Dexie {
	settings!: EntityTable<SettingRow, 'key'>;

	constructor(name = 'taza') {
		super(name);
		this.version(1).stores({
			settings: 'key'
		});
	}
}

let database: TazaLocalDatabase | undefined;

/** The app's database, opened on first use (never on the server, which has no IndexedDB). */
export function localDatabase(): TazaLocalDatabase {
	database ??= new TazaLocalDatabase();
	return database;
}
