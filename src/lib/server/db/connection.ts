import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import type { ServerConfig } from '../config';
import * as schema from './schema';

export type TazaDatabase = BetterSQLite3Database<typeof schema>;

export interface DatabaseHandle {
	sqlite: Database.Database;
	db: TazaDatabase;
}

/**
 * Opens the database file, sets the pragmas our guarantees rest on and applies pending migrations.
 * synchronous=FULL: an acknowledged sync must survive a power cut, not only a process crash.
 */
export function openDatabase(config: Pick<ServerConfig, 'dataDir' | 'databaseFile' | 'migrationsDir'>): DatabaseHandle {
	mkdirSync(config.dataDir, { recursive: true });
	const sqlite = new Database(config.databaseFile);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = FULL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	// SQLite's lower() and LIKE fold ASCII only; names here are Kyrgyz and Russian.
	sqlite.function('fold_case', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? text.toLocaleLowerCase('ru') : null));
	const db = drizzle(sqlite, { schema });
	migrate(db, { migrationsFolder: config.migrationsDir });
	return { sqlite, db };
}
