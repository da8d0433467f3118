import path from 'node:path';

export interface ServerConfig {
	/** Where the database (and later uploaded attachments) live. */
	dataDir: string;
	databaseFile: string;
	migrationsDir: string;
	/** Create the demo organisation, class and one person of each role (README.md lists them). */
	demoData: boolean;
	/** The issuer's id in certificates (Open Badges `issuer.id`): the public address when one is set. */
	issuerId: string;
}

/** Reads the server's settings from the environment; every one has a default that works on a fresh checkout. */
export function readServerConfig(env: Record<string, string | undefined> = process.env): ServerConfig {
	const dataDir = path.resolve(env.TAZA_DATA_DIR || './data');
	return {
		dataDir,
		databaseFile: path.join(dataDir, 'taza.db'),
		migrationsDir: path.resolve(env.TAZA_MIGRATIONS_DIR || './drizzle'),
		demoData: env.TAZA_DEMO_DATA === '1',
		issuerId: env.ORIGIN || 'urn:taza:issuer'
	};
}
