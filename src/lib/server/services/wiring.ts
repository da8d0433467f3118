// Where services meet the real world: the process database, the clock, ids, randomness and the password hasher.
// Handlers and scripts take services from here; tests build them with their own dependencies instead.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { answerKeys } from 'virtual:taza/answer-keys';
import { catalogue } from 'virtual:taza/catalogue';
import { passwordHasher, UNUSABLE_PASSWORD_HASH } from '../auth/secrets';
import { getDatabase } from '../db';
import { readServerConfig } from '../config';
import { createAccountsRepo } from '../repos/accounts.repo';
import { createAppMetaRepo } from '../repos/app-meta.repo';
import { createMembershipsRepo } from '../repos/memberships.repo';
import { createOrganisationsRepo } from '../repos/organisations.repo';
import { createPeopleRepo } from '../repos/people.repo';
import { createSyncRepo } from '../repos/sync.repo';
import { createQuestChoicesRepo } from '../repos/quest-choices.repo';
import { createQuestChoicesService } from './quest-choices.service';
import { createSchoolsRepo } from '../repos/schools.repo';
import { createSchoolsService } from './schools.service';
import { createSyncService } from './sync.service';
import { REGIONS } from '../db/reference-data';
import { createOrganisationsService } from './organisations.service';
import { createPeopleService } from './people.service';
import { createClassesService } from './classes.service';
import { seedDemoDataOnce } from './demo-data.service';
import { authService, membershipsRepo } from './core-wiring';

// Scripts run under tsx, where the content build's virtual modules do not exist: they take services from
// core-wiring.ts, which needs none.
export { authService, devicesService, membershipsRepo } from './core-wiring';

/** At start: the demo people, when this server is configured to have them. */
export async function seedDemoDataIfConfigured(): Promise<void> {
	if (!readServerConfig().demoData) return;
	const { db } = getDatabase();
	await seedDemoDataOnce({
		auth: authService(),
		memberships: createMembershipsRepo(db),
		organisations: createOrganisationsRepo(db),
		meta: createAppMetaRepo(db),
		newId: randomUUID,
		now: () => new Date()
	});
}


export function classesService() {
	const { db } = getDatabase();
	return createClassesService({
		memberships: createMembershipsRepo(db),
		organisations: createOrganisationsRepo(db),
		catalogue,
		newId: randomUUID,
		random: Math.random,
		now: () => new Date()
	});
}

const bytes = (length: number) => new Uint8Array(randomBytes(length));

export function organisationsService() {
	const { db } = getDatabase();
	return createOrganisationsService({
		organisations: createOrganisationsRepo(db),
		accounts: createAccountsRepo(db),
		memberships: createMembershipsRepo(db),
		regionCodes: REGIONS.map((region) => region.code),
		catalogue,
		hashTemporary: passwordHasher.hashTemporary,
		randomBytes: bytes,
		newId: randomUUID,
		now: () => new Date()
	});
}

export function peopleService() {
	const { db } = getDatabase();
	return createPeopleService({
		people: createPeopleRepo(db),
		memberships: createMembershipsRepo(db),
		hash: passwordHasher.hash,
		hashTemporary: passwordHasher.hashTemporary,
		unusablePasswordHash: UNUSABLE_PASSWORD_HASH,
		randomBytes: bytes,
		newId: randomUUID,
		now: () => new Date()
	});
}

export function syncService() {
	const { db, sqlite } = getDatabase();
	return createSyncService({
		sync: createSyncRepo(sqlite),
		memberships: createMembershipsRepo(db),
		catalogue,
		answerKeys,
		fingerprint: (body) => createHash('sha256').update(body).digest('hex').slice(0, 32),
		now: () => new Date()
	});
}

export function questChoicesService() {
	return createQuestChoicesService({ questChoices: createQuestChoicesRepo(getDatabase().sqlite) });
}

export function schoolsService() {
	return createSchoolsService({
		schools: createSchoolsRepo(getDatabase().db),
		regions: REGIONS.map((region) => ({ code: region.code, names: [region.nameKy, region.nameRu, region.nameEn] })),
		newId: randomUUID,
		now: () => new Date()
	});
}
