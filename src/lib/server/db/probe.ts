import type Database from 'better-sqlite3';
import type { DatabaseProbe } from '../services/health.service';

const SYNCHRONOUS_NAMES = ['off', 'normal', 'full', 'extra'];

export function sqliteProbe(sqlite: Database.Database): DatabaseProbe {
	return {
		ping: () => void sqlite.prepare('select 1').get(),
		journalMode: () => String(sqlite.pragma('journal_mode', { simple: true })),
		synchronous: () => SYNCHRONOUS_NAMES[Number(sqlite.pragma('synchronous', { simple: true }))] ?? 'unknown',
		foreignKeys: () => Number(sqlite.pragma('foreign_keys', { simple: true })) === 1
	};
}
