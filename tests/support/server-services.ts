// Real services on a temporary SQLite file, for unit tests of the server's services.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Catalogue, CatalogueCourse } from '../../src/lib/content/pack.types';
import { hashToken, passwordHasher } from '../../src/lib/server/auth/secrets';
import { openDatabase, type DatabaseHandle } from '../../src/lib/server/db/connection';
import { REGIONS } from '../../src/lib/server/db/reference-data';
import { seedReferenceData } from '../../src/lib/server/db/seed';
import { createAccountsRepo } from '../../src/lib/server/repos/accounts.repo';
import { createDevicesRepo } from '../../src/lib/server/repos/devices.repo';
import { createMembershipsRepo } from '../../src/lib/server/repos/memberships.repo';
import { createOrganisationsRepo } from '../../src/lib/server/repos/organisations.repo';
import { createPeopleRepo } from '../../src/lib/server/repos/people.repo';
import { createAuthService } from '../../src/lib/server/services/auth.service';
import { createClassesService } from '../../src/lib/server/services/classes.service';
import { createOrganisationsService } from '../../src/lib/server/services/organisations.service';
import { createPeopleService } from '../../src/lib/server/services/people.service';
import { createSyncRepo } from '../../src/lib/server/repos/sync.repo';
import { createTrainingLookups } from '../../src/lib/server/repos/training-records.repo';
import { createSyncService } from '../../src/lib/server/services/sync.service';
import type { AnswerKeys } from '../../src/lib/content/pack.types';

const course = (id: string, mastery: CatalogueCourse['mastery']): CatalogueCourse => ({
	id,
	version: 'v1',
	audiences: ['civil-servants'],
	mandatory: true,
	minutes: 30,
	questionCount: 4,
	hasQuiz: mastery.rule === 'quiz-passed',
	mastery,
	lessons: [
		{ id: 'l1', minutes: 10, title: { ky: 'l1', ru: 'l1', en: 'l1' } },
		{ id: 'l2', minutes: 10, title: { ky: 'l2', ru: 'l2', en: 'l2' } }
	],
	locales: {
		ky: { title: id, summary: '', pack: '', bytes: 0 },
		ru: { title: id, summary: '', pack: '', bytes: 0 },
		en: { title: id, summary: '', pack: '', bytes: 0 }
	}
});

export const TEST_CATALOGUE: Catalogue = {
	format: 1,
	courses: [course('ethics', { rule: 'all-lessons' }), course('conflicts', { rule: 'quiz-passed' })]
};

/** The "conflicts" course's test: two true/false questions, both drawn, 50% to pass. */
export const TEST_ANSWER_KEYS: AnswerKeys = {
	conflicts: {
		version: 'abcdef12',
		quiz: { draw: 2, passPercent: 50, attempts: 3 },
		bank: [
			{ id: 'q1', type: 'true-false', correct: true },
			{ id: 'q2', type: 'true-false', correct: false }
		]
	}
};

// A transparent stand-in for argon2 keeps these tests fast; secrets.spec.ts checks the real hasher.
export const fakeHasher = {
	hash: async (password: string) => `hashed:${password}`,
	verify: async (hash: string, password: string) => hash === `hashed:${password}` || passwordHasher.verify(hash, password)
};

export interface ServicesUnderTest {
	handle: DatabaseHandle;
	clock: { now: number };
	auth: ReturnType<typeof createAuthService>;
	classes: ReturnType<typeof createClassesService>;
	organisations: ReturnType<typeof createOrganisationsService>;
	people: ReturnType<typeof createPeopleService>;
	sync: ReturnType<typeof createSyncService>;
	count(table: string): number;
	dir: string;
	close(): void;
}

/** Every service over one fresh database, with a settable clock, counting ids and deterministic random bytes. */
export function servicesUnderTest(start = '2026-11-26T10:00:00Z', options: { dir?: string } = {}): ServicesUnderTest {
	// With `dir`, an existing database is opened again (a restarted server), and left in place on close.
	const dir = options.dir ?? mkdtempSync(path.join(tmpdir(), 'taza-services-'));
	const handle = openDatabase({ dataDir: dir, databaseFile: path.join(dir, 'taza.db'), migrationsDir: path.resolve('drizzle') });
	seedReferenceData(handle.db);
	const clock = { now: Date.parse(start) };
	let n = 0;
	let byte = 0;
	const newId = () => `id-${++n}`;
	const now = () => new Date(clock.now);
	const randomBytes = (length: number) => Uint8Array.from({ length }, () => (byte = (byte * 37 + 11) % 256));
	const accounts = createAccountsRepo(handle.db);
	const memberships = createMembershipsRepo(handle.db);
	const organisations = createOrganisationsRepo(handle.db);
	return {
		handle,
		clock,
		auth: createAuthService({ accounts, devices: createDevicesRepo(handle.db), classes: memberships, hasher: fakeHasher, newId, newToken: () => `token-${++n}`, hashToken, now }),
		classes: createClassesService({ memberships, organisations, catalogue: TEST_CATALOGUE, newId, random: () => ((byte = (byte + 7) % 26) / 26), now }),
		organisations: createOrganisationsService({
			organisations,
			accounts,
			memberships,
			regionCodes: REGIONS.map((region) => region.code),
			catalogue: TEST_CATALOGUE,
			hashTemporary: passwordHasher.hashTemporary,
			randomBytes,
			newId,
			now
		}),
		people: createPeopleService({
			people: createPeopleRepo(handle.db),
			memberships,
			hash: fakeHasher.hash,
			hashTemporary: passwordHasher.hashTemporary,
			unusablePasswordHash: '!erased',
			randomBytes,
			newId,
			now
		}),
		sync: createSyncService({
			sync: createSyncRepo(handle.sqlite, { newId }),
			memberships,
			training: createTrainingLookups(handle.sqlite),
			catalogue: TEST_CATALOGUE,
			answerKeys: TEST_ANSWER_KEYS,
			fingerprint: (body) => hashToken(body).slice(0, 32),
			now
		}),
		count: (table) => handle.sqlite.prepare(`select count(*) from ${table}`).pluck().get() as number,
		dir,
		close: () => {
			handle.sqlite.close();
			if (!options.dir) rmSync(dir, { recursive: true, force: true });
		}
	};
}

/** Grants a role directly, as seeding does. */
export function grantRole(services: ServicesUnderTest, personId: string, role: string, scopeKind: string, scopeId: string, validFrom = '2026-01-01T00:00:00Z') {
	services.handle.sqlite
		.prepare('insert into memberships (id, person_id, role, scope_kind, scope_id, valid_from, created_at) values (?, ?, ?, ?, ?, ?, ?)')
		.run(`m-${personId}-${role}-${scopeId}`, personId, role, scopeKind, scopeId, validFrom, validFrom);
}
