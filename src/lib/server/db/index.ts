import { readServerConfig } from '../config';
import { openDatabase, type DatabaseHandle } from './connection';
import { seedReferenceData } from './seed';

let handle: DatabaseHandle | undefined;

/**
 * The process's one database connection, opened on first use: the build imports server modules while prerendering,
 * and must not create a database file when it does.
 */
export function getDatabase(): DatabaseHandle {
	if (!handle) {
		handle = openDatabase(readServerConfig());
		seedReferenceData(handle.db);
	}
	return handle;
}

export function closeDatabase(): void {
	handle?.sqlite.close();
	handle = undefined;
}

export type { DatabaseHandle, TazaDatabase } from './connection';
