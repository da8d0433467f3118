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
import { createTrainingLookups } from '../repos/training-records.repo';
import { createQuestChoicesRepo } from '../repos/quest-choices.repo';
import { createQuestChoicesService } from './quest-choices.service';
import { createSchoolsRepo } from '../repos/schools.repo';
import { createSchoolsService } from './schools.service';
import { createSeminarsRepo } from '../repos/seminars.repo';
import { createSeminarParticipantsRepo } from '../repos/seminar-participants.repo';
import { createSeminarsService } from './seminars.service';
import { createProgrammeRepo } from '../repos/programme.repo';
import { createProgrammeService } from './programme.service';
import { createMergesRepo } from '../repos/merges.repo';
import { createMergesService } from './merges.service';
import type { CurrentSession } from './auth.service';
import { createSyncService } from './sync.service';
import { REGIONS } from '../db/reference-data';
import { createOrganisationsService } from './organisations.service';
import { createPeopleService } from './people.service';
import { createClassesService } from './classes.service';
import { DEMO_PEOPLE, seedDemoDataOnce } from './demo-data.service';
import { DEMO_TRAINING_PROGRAMME, seedDemoTrainingOnce } from './demo-training.service';
import { uuidV7Generator } from '$lib/utils/ids';
import { DEFAULT_COMPLETION_RULE, type CompletionRule } from '$lib/training/completion';
import { authService, membershipsRepo } from './core-wiring';
import { issuerKeys } from 'virtual:taza/certificate-keys';
import { signingKeyAt } from '$lib/certificates/issuer-keys';
import { createCertificateSigner, ensureKeyRing } from '../certificates/key-ring';
import { loadCertificateFonts } from '../certificates/fonts';
import { createCertificatesRepo } from '../repos/certificates.repo';
import { createCertificatesService, type CredentialTextsFor } from './certificates.service';
import path from 'node:path';
import { createAttachmentStore, withAttachmentLock } from '../attachments/attachment-store';
import { createAttachmentsRepo } from '../repos/attachments.repo';
import { createAssignmentsRepo } from '../repos/assignments.repo';
import { createAttachmentsService } from './attachments.service';
import { createAssignmentsService } from './assignments.service';

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
	await seedDemoTraining();
}

/** The demo seminars and their records, through a sync service on a clock of their own (demo-training.service.ts). */
async function seedDemoTraining(): Promise<void> {
	const { db, sqlite } = getDatabase();
	const accounts = createAccountsRepo(db);
	const trainer = await accounts.findByLogin('demo.trainer');
	const teacher = await accounts.findByLogin('demo.teacher');
	const sessionIds = trainingProgrammes[DEMO_TRAINING_PROGRAMME] ?? [];
	if (!trainer) return;
	const clock = { now: new Date() };
	const newEventId = uuidV7Generator(() => clock.now.getTime(), (length) => new Uint8Array(randomBytes(length)));
	const sync = createSyncService({
		sync: createSyncRepo(sqlite),
		memberships: createMembershipsRepo(db),
		training: createTrainingLookups(sqlite),
		catalogue,
		answerKeys,
		fingerprint: (body) => createHash('sha256').update(body).digest('hex').slice(0, 32),
		now: () => clock.now
	});
	await seedDemoTrainingOnce({
		meta: createAppMetaRepo(db),
		schools: createSchoolsRepo(db),
		seminars: createSeminarsRepo(db),
		participants: createSeminarParticipantsRepo(sqlite, { newId: randomUUID }),
		sync,
		clock,
		trainer: { accountId: trainer.id, personId: trainer.personId },
		...(teacher ? { teacher: { accountId: teacher.id, personId: teacher.personId, displayName: DEMO_PEOPLE.find((person) => person.login === 'demo.teacher')!.displayName } } : {}),
		answerKeys,
		sessionIds,
		completionRule: trainingCompletionRules[DEMO_TRAINING_PROGRAMME] ?? DEFAULT_COMPLETION_RULE,
		newId: randomUUID,
		newEventId,
		randomBytes: bytes
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
		training: createTrainingLookups(sqlite),
		catalogue,
		answerKeys,
		fingerprint: (body) => createHash('sha256').update(body).digest('hex').slice(0, 32),
		now: () => new Date()
	});
}

export function questChoicesService() {
	return createQuestChoicesService({ questChoices: createQuestChoicesRepo(getDatabase().sqlite) });
}

/**
 * At start: the certificate key ring exists (made on first start), and a warning when this build's bundled public
 * keys do not include the key it signs with — the verify page could not check new certificates offline until rebuilt.
 */
export function prepareCertificateKeys(now = new Date()): { signingKeyBundled: boolean } {
	const ring = ensureKeyRing(readServerConfig().dataDir, now);
	const current = signingKeyAt(ring.keys, now);
	const signingKeyBundled = current !== undefined && issuerKeys.some((key) => key.kid === current.kid && key.publicKeyJwk.x === current.publicKeyJwk.x);
	if (!signingKeyBundled) {
		console.warn(`Certificates: the signing key ${current?.kid ?? '(none)'} is not in this build's public keys; rebuild so the verify page knows it (docs/certificates.md).`);
	}
	return { signingKeyBundled };
}

/** `texts` come from the message catalogue, which library modules do not import (the route passes them). */
export function certificatesService(texts: CredentialTextsFor) {
	const config = readServerConfig();
	const { db } = getDatabase();
	return createCertificatesService({
		certificates: createCertificatesRepo(db),
		memberships: createMembershipsRepo(db),
		organisations: createOrganisationsRepo(db),
		catalogue,
		answerKeys,
		signer: createCertificateSigner(ensureKeyRing(config.dataDir)),
		issuer: { id: config.issuerId, name: 'Taza' },
		texts,
		newId: randomUUID,
		now: () => new Date()
	});
}

export function schoolsService() {
	return createSchoolsService({
		schools: createSchoolsRepo(getDatabase().db),
		regions: REGIONS.map((region) => ({ code: region.code, names: [region.nameKy, region.nameRu, region.nameEn] })),
		newId: randomUUID,
		now: () => new Date()
	});
}

/** Training programmes are the courses with facilitator guides; their sessions are the course's lessons. */
export const trainingProgrammes: Record<string, string[]> = Object.fromEntries(
	catalogue.courses.filter((course) => course.facilitator).map((course) => [course.id, course.lessons.map((lesson) => lesson.id)])
);

/** Each programme's completion rule as its course.yaml states it (programmes that state none get the default). */
const trainingCompletionRules: Record<string, CompletionRule> = Object.fromEntries(
	catalogue.courses.flatMap((course) => (course.facilitator?.completion ? [[course.id, course.facilitator.completion]] : []))
);

export function seminarsService() {
	const { db, sqlite } = getDatabase();
	return createSeminarsService({
		seminars: createSeminarsRepo(db),
		participants: createSeminarParticipantsRepo(sqlite, { newId: randomUUID }),
		schools: createSchoolsRepo(db),
		accounts: createAccountsRepo(db),
		hashTemporary: passwordHasher.hashTemporary,
		memberships: createMembershipsRepo(db),
		regionCodes: REGIONS.map((region) => region.code),
		programmes: trainingProgrammes,
		completionRules: trainingCompletionRules,
		newId: randomUUID,
		randomBytes: bytes,
		now: () => new Date()
	});
}

export function programmeService(session: CurrentSession) {
	return createProgrammeService({
		programme: createProgrammeRepo(getDatabase().sqlite),
		seminars: () => seminarsService().list(session),
		regions: REGIONS,
		now: () => new Date()
	});
}

export function mergesService() {
	return createMergesService({ merges: createMergesRepo(getDatabase().sqlite, { newId: randomUUID }), now: () => new Date() });
}

export { loadCertificateFonts };

/** Assignment photos, under `TAZA_DATA_DIR/attachments/` by content hash. */
export function attachmentsService() {
	const { db, sqlite } = getDatabase();
	return createAttachmentsService({
		attachments: createAttachmentsRepo(sqlite),
		store: createAttachmentStore(path.join(readServerConfig().dataDir, 'attachments')),
		memberships: createMembershipsRepo(db),
		lock: withAttachmentLock,
		now: () => new Date()
	});
}

export function assignmentsService() {
	return createAssignmentsService({ assignments: createAssignmentsRepo(getDatabase().sqlite) });
}
