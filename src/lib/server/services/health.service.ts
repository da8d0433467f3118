export interface DatabaseProbe {
	/** Runs a trivial query; throws when the database cannot answer. */
	ping(): void;
	journalMode(): string;
	synchronous(): string;
	foreignKeys(): boolean;
}

export interface HealthReport {
	status: 'ok' | 'error';
	version: string;
	build: string;
	database: { ok: boolean; journalMode?: string; synchronous?: string; foreignKeys?: boolean; error?: string };
}

/** Whether this server can serve: reachable database, with the durability settings our guarantees need. */
export function checkHealth(probe: () => DatabaseProbe, versions: { version: string; build: string }): HealthReport {
	try {
		const database = probe();
		database.ping();
		const journalMode = database.journalMode();
		const synchronous = database.synchronous();
		const foreignKeys = database.foreignKeys();
		const ok = journalMode === 'wal' && synchronous === 'full' && foreignKeys;
		return { status: ok ? 'ok' : 'error', ...versions, database: { ok, journalMode, synchronous, foreignKeys } };
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		return { status: 'error', ...versions, database: { ok: false, error: message } };
	}
}
