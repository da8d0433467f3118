import { afterEach, describe, expect, it } from 'vitest';
import { eventFactory, VERSION } from '../../../../tests/support/course-events';
import { grantRole, servicesUnderTest, TEST_ANSWER_KEYS, TEST_CATALOGUE, type ServicesUnderTest } from '../../../../tests/support/server-services';
import type { Catalogue } from '$lib/content/pack.types';
import type { TrainingEvent } from '$lib/progress/training-events';
import { signSessionToken, webCryptoMac } from '$lib/training/session-token';
import { hashToken, passwordHasher } from '../auth/secrets';
import { createAccountsRepo } from '../repos/accounts.repo';
import { createMembershipsRepo } from '../repos/memberships.repo';
import { createSchoolsRepo } from '../repos/schools.repo';
import { createSeminarParticipantsRepo } from '../repos/seminar-participants.repo';
import { createSeminarsRepo } from '../repos/seminars.repo';
import { createSyncRepo } from '../repos/sync.repo';
import { createTrainingLookups } from '../repos/training-records.repo';
import { createSeminarsService } from './seminars.service';
import { createSyncService } from './sync.service';
import { createMergesRepo } from '../repos/merges.repo';
import { createMergesService } from './merges.service';
import { createProgrammeRepo } from '../repos/programme.repo';
import { createProgrammeService } from './programme.service';
import { REGIONS } from '../db/reference-data';
import { SYNC_PROTOCOL } from '$lib/progress/sync-protocol';

const SESSIONS = ['s1', 's2', 's3', 's4', 's5', 's6'];
const PROGRAMME = 'training';
const base = TEST_CATALOGUE.courses[1]!;
/** The test catalogue plus a training programme: a course with facilitator guides, six sessions and a final test. */
const CATALOGUE: Catalogue = {
	...TEST_CATALOGUE,
	courses: [
		...TEST_CATALOGUE.courses,
		{
			...base,
			id: PROGRAMME,
			lessons: SESSIONS.map((id) => ({ id, minutes: 90, title: { ky: id, ru: id, en: id } })),
			facilitator: { version: 'v1', sessions: SESSIONS.map((id) => ({ id, minutes: 90 })), locales: base.locales as never }
		}
	]
};
const ANSWER_KEYS = { ...TEST_ANSWER_KEYS, [PROGRAMME]: { ...TEST_ANSWER_KEYS.conflicts!, quiz: { draw: 2, passPercent: 75, attempts: 3 } } };
const RIGHT = { q1: { kind: 'true-false' as const, value: true }, q2: { kind: 'true-false' as const, value: false } };

const open: ServicesUnderTest[] = [];
afterEach(() => open.splice(0).forEach((services) => services.close()));

async function setup() {
	const services = servicesUnderTest('2026-12-07T04:00:00Z');
	open.push(services);
	let n = 0;
	const newId = () => `0190e000-0000-7000-8000-${String(++n).padStart(12, '0')}`;
	const { db, sqlite } = services.handle;
	const memberships = createMembershipsRepo(db);
	const now = () => new Date(services.clock.now);
	const participants = createSeminarParticipantsRepo(sqlite, { newId });
	const seminars = createSeminarsService({
		seminars: createSeminarsRepo(db),
		participants,
		schools: createSchoolsRepo(db),
		hashTemporary: passwordHasher.hashTemporary,
		accounts: createAccountsRepo(db),
		memberships,
		regionCodes: ['naryn', 'osh'],
		programmes: { [PROGRAMME]: SESSIONS },
		newId,
		randomBytes: (length) => new Uint8Array(length).fill(7),
		now
	});
	const sync = createSyncService({
		sync: createSyncRepo(sqlite, { newId }),
		memberships,
		training: createTrainingLookups(sqlite),
		catalogue: CATALOGUE,
		answerKeys: ANSWER_KEYS,
		fingerprint: (body) => hashToken(body).slice(0, 32),
		now
	});
	await createSchoolsRepo(db).upsertAll([{ code: 'NR-001', name: 'Ат-Башы орто мектеби', regionCode: 'naryn', district: 'Ат-Башы', rural: true }], '2026-11-01T00:00:00Z', {
		id: 'audit-schools',
		at: '2026-11-01T00:00:00Z',
		actorAccountId: null,
		action: 'schools.imported',
		subjectPersonId: null
	});
	const person = async (login: string, role?: string) => {
		const result = await services.auth.signUp({ login, password: 'long-enough-password', displayName: login });
		if (!result.ok) throw new Error('sign-up');
		if (role) grantRole(services, result.value.personId, role, 'programme', 'programme');
		return { sessionId: 's', accountId: `account-${login}`, personId: result.value.personId, kind: 'profile' as const };
	};
	const admin = await person('programme.admin', 'programme-admin');
	const trainer = await person('trainer.aida', 'trainer');
	const teacher = await person('teacher.bakyt');
	const scheduled = await seminars.schedule(admin, {
		programmeId: PROGRAMME,
		regionCode: 'naryn',
		centre: 'Нарын',
		venue: 'ОИПК',
		startsOn: '2026-12-07',
		endsOn: '2026-12-09',
		capacity: 30,
		sessions: SESSIONS.map((sessionId, index) => ({ sessionId, heldOn: `2026-12-0${7 + Math.floor(index / 2)}` })),
		trainerLogins: ['trainer.aida']
	});
	if (!scheduled.ok) throw new Error(JSON.stringify(scheduled.failure));
	const seminarId = scheduled.value.id;
	const events = eventFactory('device-t', Date.parse('2026-12-07T04:00:00Z'));
	let serial = 0;
	const training = (subjectId: string, payload: TrainingEvent['payload'], type: TrainingEvent['type'], extra: { recordedBy?: string; proof?: string } = {}): TrainingEvent =>
		({ ...events.lessonCompleted(subjectId, 'x', 'y'), type, payload, deviceSeq: ++serial, ...extra }) as TrainingEvent;
	const attended = (subjectId: string, sessionId: string, method: 'roster' | 'participant-qr' | 'session-qr', extra: { recordedBy?: string; proof?: string } = {}) =>
		training(subjectId, { seminarId, sessionId, method }, 'seminar.attended', extra);
	const push = async (session: typeof admin, list: unknown[]) => {
		const result = await sync.push(session, { protocol: SYNC_PROTOCOL, deviceId: 'device-t', sentAt: now().toISOString(), events: list });
		if (!result.ok) throw new Error('outdated');
		return result.value.exceptions;
	};
	const key = new Uint8Array(Buffer.from(sqlite.prepare('select check_in_key from seminars where id = ?').pluck().get(seminarId) as string, 'base64url'));
	const token = (sessionId: string) => signSessionToken({ seminarId, sessionId, notBefore: Date.parse('2026-12-07T03:00:00Z') / 1000, notAfter: Date.parse('2026-12-07T12:00:00Z') / 1000 }, key, webCryptoMac);
	const record = (personId: string) => sqlite.prepare('select attended, assignment, best_test_percent as test, completed_at as completedAt from training_records where person_id = ? and seminar_id = ?').get(personId, seminarId);
	const passTest = (personId: string) => events.testSubmitted(personId, PROGRAMME, { courseVersion: VERSION, seed: 1, questionIds: ['q1', 'q2'], answers: RIGHT, scorePercent: 100, passed: true });
	const merges = createMergesService({ merges: createMergesRepo(sqlite, { newId }), now });
	const programme = createProgrammeService({ programme: createProgrammeRepo(sqlite), seminars: () => seminars.list(admin), regions: REGIONS, now });
	return { services, seminars, sync, admin, trainer, teacher, seminarId, push, attended, training, token, record, passTest, participants, merges, programme };
}

describe('training events at ingest', () => {
	it('defers a roster tick of a person created offline until the registration arrives, then counts it once', async () => {
		const { seminars, trainer, seminarId, push, attended, record } = await setup();
		const provisional = '0190e0aa-0000-7000-8000-000000000001';
		const tick = attended(provisional, 's1', 'roster', { recordedBy: trainer.personId });
		expect(await push(trainer, [tick])).toEqual([{ id: tick.id, status: 'deferred', reason: 'unknown person: waiting for their registration' }]);
		const registered = await seminars.register(trainer, seminarId, [{ personId: provisional, provisional: { displayName: 'Айгүл Токтогулова', phone: '+996700123456', schoolCode: 'NR-001' } }]);
		expect(registered).toEqual({ ok: true, value: { registered: [provisional], unknown: [], flagged: 0 } });
		// The trainer's next sync settles it; a resend is a duplicate.
		expect(await push(trainer, [attended(provisional, 's2', 'roster', { recordedBy: trainer.personId })])).toEqual([]);
		expect(record(provisional)).toMatchObject({ attended: 2 });
		expect(await push(trainer, [tick])).toEqual([{ id: tick.id, status: 'duplicate' }]);
		expect(record(provisional)).toMatchObject({ attended: 2 });
		const kit = await seminars.kit(trainer, seminarId);
		expect(kit.ok && kit.value.participants).toEqual([expect.objectContaining({ personId: provisional, provisional: true, schoolCode: 'NR-001', attended: ['s1', 's2'] })]);
	});

	it('accepts a self check-in only with a valid session token, and registers the participant', async () => {
		const { teacher, push, attended, token, record } = await setup();
		const good = attended(teacher.personId, 's1', 'session-qr', { proof: await token('s1') });
		const otherSession = attended(teacher.personId, 's2', 'session-qr', { proof: await token('s1') });
		const tampered = attended(teacher.personId, 's3', 'session-qr', { proof: (await token('s3')).slice(0, -1) + 'A' });
		const none = attended(teacher.personId, 's4', 'session-qr');
		const exceptions = await push(teacher, [good, otherSession, tampered, none]);
		expect(exceptions.map((exception) => [exception.id, exception.status, 'reason' in exception ? exception.reason : ''])).toEqual([
			[otherSession.id, 'rejected', 'proof: other-session'],
			[tampered.id, 'rejected', 'proof: bad-signature'],
			[none.id, 'rejected', 'a self check-in needs the session token as proof']
		]);
		expect(record(teacher.personId)).toMatchObject({ attended: 1 });
	});

	it('takes check-ins by QR and roster and reviews only from the seminar’s trainers', async () => {
		const { admin, teacher, push, attended, training, trainer } = await setup();
		const byAdmin = attended(teacher.personId, 's1', 'roster', { recordedBy: admin.personId });
		const submission = '0190e0bb-0000-7000-8000-000000000001';
		const review = training(teacher.personId, { programmeId: PROGRAMME, submissionId: submission, verdict: 'accepted', comment: '' }, 'assignment.reviewed', { recordedBy: admin.personId });
		const exceptions = await push(admin, [byAdmin, review]);
		expect(exceptions.map((exception) => 'reason' in exception && exception.reason)).toEqual([
			'not a trainer of this seminar',
			'not a trainer of a seminar of this programme'
		]);
		// A trainer cannot submit someone's assignment for them.
		const forThem = training(teacher.personId, { programmeId: PROGRAMME, submissionId: submission, lessonPlan: 'p', reflection: 'r', attachments: [] }, 'assignment.submitted', { recordedBy: trainer.personId });
		expect((await push(trainer, [forThem]))[0]).toMatchObject({ status: 'rejected', reason: 'a participant submits their own assignment' });
	});

	it('completes with 5 of 6 sessions, a passing re-graded test and an accepted assignment — once, whatever is resent', async () => {
		const { teacher, trainer, push, attended, training, record, passTest, services } = await setup();
		const ticks = SESSIONS.slice(0, 5).map((session) => attended(teacher.personId, session, 'participant-qr', { recordedBy: trainer.personId }));
		expect(await push(trainer, ticks)).toEqual([]);
		const submission = '0190e0bb-0000-7000-8000-000000000002';
		const submitted = training(teacher.personId, { programmeId: PROGRAMME, submissionId: submission, lessonPlan: 'План урока', reflection: 'Рефлексия', attachments: [] }, 'assignment.submitted');
		const test = passTest(teacher.personId);
		expect(await push(teacher, [submitted, test])).toEqual([]);
		expect(record(teacher.personId)).toMatchObject({ attended: 5, assignment: 'submitted', test: 100, completedAt: null });
		services.clock.now = Date.parse('2026-12-10T06:00:00Z');
		const accepted = training(teacher.personId, { programmeId: PROGRAMME, submissionId: submission, verdict: 'accepted', comment: 'Хорошо' }, 'assignment.reviewed', { recordedBy: trainer.personId });
		expect(await push(trainer, [accepted])).toEqual([]);
		expect(record(teacher.personId)).toMatchObject({ assignment: 'accepted', completedAt: '2026-12-10T06:00:00.000Z' });
		services.clock.now = Date.parse('2026-12-20T06:00:00Z');
		await push(trainer, [...ticks, accepted, attended(teacher.personId, 's6', 'roster', { recordedBy: trainer.personId })]);
		expect(record(teacher.personId)).toMatchObject({ attended: 6, completedAt: '2026-12-10T06:00:00.000Z' });
	});

	it('does not let a claimed pass with wrong answers complete anything', async () => {
		const { teacher, push, record, passTest } = await setup();
		const wrong = passTest(teacher.personId) as Extract<ReturnType<typeof passTest>, { type: 'test.submitted' }>;
		wrong.payload.answers = { q1: { kind: 'true-false', value: false }, q2: { kind: 'true-false', value: true } };
		await push(teacher, [wrong]);
		// A test alone registers nobody; no seminar row appears until attendance or registration.
		expect(record(teacher.personId)).toBeUndefined();
	});

	it('flags a person created on the spot who shares a phone, or a name and a school, with someone', async () => {
		const { seminars, trainer, seminarId, services } = await setup();
		const first = '0190e0aa-0000-7000-8000-000000000011';
		const second = '0190e0aa-0000-7000-8000-000000000012';
		const third = '0190e0aa-0000-7000-8000-000000000013';
		await seminars.register(trainer, seminarId, [{ personId: first, provisional: { displayName: 'Бакыт Асанов', phone: '+996700000001', schoolCode: 'NR-001' } }]);
		const again = await seminars.register(trainer, seminarId, [
			{ personId: second, provisional: { displayName: 'бакыт асанов ', phone: null, schoolCode: 'NR-001' } },
			{ personId: third, provisional: { displayName: 'Другой Человек', phone: '+996700000001', schoolCode: 'NR-001' } }
		]);
		expect(again.ok && again.value.flagged).toBe(2);
		const flags = services.handle.sqlite.prepare('select person_id as personId, other_person_id as otherId, reason from duplicate_flags order by person_id, other_person_id').all();
		expect(flags).toEqual([
			{ personId: second, otherId: first, reason: 'same-name-and-school' },
			{ personId: third, otherId: first, reason: 'same-phone' }
		]);
		// Resending the same registrations creates no one and flags nothing new.
		const resent = await seminars.register(trainer, seminarId, [{ personId: second, provisional: { displayName: 'бакыт асанов ', phone: null, schoolCode: 'NR-001' } }]);
		expect(resent.ok && resent.value).toMatchObject({ registered: [second], flagged: 0 });
		expect(services.count('people')).toBe(3 + 3);
	});

	it('merges a person created on the spot into an existing teacher: counted once, undoable, and a re-sync changes nothing', async () => {
		const { seminars, trainer, teacher, admin, seminarId, push, attended, training, passTest, merges, programme, services, token } = await setup();
		grantRole(services, teacher.personId, 'teacher', 'school', 'NR-001');
		// The teacher checked in to the first session with the session QR, passed the test and had the assignment
		// accepted; the trainer, offline, ticked them in for the other sessions under a person created on the spot.
		const submission = '0190e0bb-0000-7000-8000-000000000003';
		await push(teacher, [
			attended(teacher.personId, 's1', 'session-qr', { proof: await token('s1') }),
			passTest(teacher.personId),
			training(teacher.personId, { programmeId: PROGRAMME, submissionId: submission, lessonPlan: 'p', reflection: 'r', attachments: [] }, 'assignment.submitted')
		]);
		const onTheSpot = '0190e0aa-0000-7000-8000-000000000021';
		await seminars.register(trainer, seminarId, [{ personId: onTheSpot, provisional: { displayName: 'teacher.bakyt', phone: null, schoolCode: 'NR-001' } }]);
		const ticks = SESSIONS.slice(1, 5).map((session) => attended(onTheSpot, session, 'roster', { recordedBy: trainer.personId }));
		const accepted = training(teacher.personId, { programmeId: PROGRAMME, submissionId: submission, verdict: 'accepted', comment: '' }, 'assignment.reviewed', { recordedBy: trainer.personId });
		expect(await push(trainer, [...ticks, accepted])).toEqual([]);
		const trained = async () => (await programme.targets()).figures.teachersTrained.total;
		expect(await trained()).toBe(0);

		const [flag] = await merges.duplicates();
		expect(flag).toMatchObject({ reason: 'same-name-and-school', person: { personId: onTheSpot, provisional: true }, other: { personId: teacher.personId, hasAccount: true } });
		expect(await merges.merge(admin, { fromPersonId: teacher.personId, intoPersonId: onTheSpot })).toEqual({ ok: false, failure: { code: 'not-provisional' } });
		expect(await merges.merge(admin, { fromPersonId: onTheSpot, intoPersonId: teacher.personId })).toEqual({ ok: true, value: { aliasId: onTheSpot, personId: teacher.personId } });
		expect(await trained()).toBe(1);
		expect(await merges.duplicates()).toEqual([]);
		expect(await programme.people({ regionCode: 'naryn' })).toEqual([expect.objectContaining({ personId: teacher.personId, schoolCode: 'NR-001', ruralSchool: true })]);

		// Everything sent again, by both devices, and one more tick under the old id: still one person.
		await push(trainer, [...ticks, accepted, attended(onTheSpot, 's6', 'roster', { recordedBy: trainer.personId })]);
		expect(await trained()).toBe(1);
		const report = await programme.targets();
		expect(report.seminars[0]).toMatchObject({ completed: 1 });
		expect(report.figures.teachersTrained.byRegion).toEqual({ naryn: 1 });

		expect(await merges.undo(admin, onTheSpot)).toEqual({ ok: true, value: { aliasId: onTheSpot, personId: teacher.personId } });
		// The tick sent after the merge was stored under the teacher, but by subject id it is the on-the-spot person's again.
		expect(await trained()).toBe(0);
		expect(await merges.duplicates()).toHaveLength(1);
		await merges.merge(admin, { fromPersonId: onTheSpot, intoPersonId: teacher.personId });
		expect(await trained()).toBe(1);
		const actions = services.handle.sqlite.prepare(`select action from audit_log where action like 'person.merge%' order by at, rowid`).pluck().all();
		expect(actions).toEqual(['person.merged', 'person.merge-undone', 'person.merged']);
	});

	it('keeps a review of someone not yet in the trainer’s seminar waiting, and counts it once a merge makes them a participant', async () => {
		const { seminars, trainer, teacher, admin, seminarId, push, attended, training, passTest, merges, record } = await setup();
		const submission = '0190e0bb-0000-7000-8000-000000000004';
		await push(teacher, [passTest(teacher.personId), training(teacher.personId, { programmeId: PROGRAMME, submissionId: submission, lessonPlan: 'p', reflection: 'r', attachments: [] }, 'assignment.submitted')]);
		const accepted = training(teacher.personId, { programmeId: PROGRAMME, submissionId: submission, verdict: 'accepted', comment: '' }, 'assignment.reviewed', { recordedBy: trainer.personId });
		expect(await push(trainer, [accepted])).toEqual([{ id: accepted.id, status: 'deferred', reason: 'the participant is not in a seminar of yours yet' }]);
		const onTheSpot = '0190e0aa-0000-7000-8000-000000000031';
		await seminars.register(trainer, seminarId, [{ personId: onTheSpot, provisional: { displayName: 'Жылдыз Осмонова', phone: null, schoolCode: 'NR-001' } }]);
		await push(trainer, SESSIONS.slice(0, 5).map((session) => attended(onTheSpot, session, 'roster', { recordedBy: trainer.personId })));
		await merges.merge(admin, { fromPersonId: onTheSpot, intoPersonId: teacher.personId });
		expect(record(teacher.personId)).toMatchObject({ attended: 5, assignment: 'submitted', completedAt: null });
		// The trainer's next sync settles the waiting review.
		expect(await push(trainer, [])).toEqual([]);
		expect(record(teacher.personId)).toMatchObject({ assignment: 'accepted', completedAt: expect.any(String) });
	});

	it('flags a person created on the spot whose phone is someone’s phone login', async () => {
		const { seminars, trainer, seminarId, services } = await setup();
		const signedUp = await services.auth.signUp({ login: '+996 700 555 123', password: 'long-enough-password', displayName: 'Жылдыз Осмонова' });
		if (!signedUp.ok) throw new Error('sign-up');
		const registered = await seminars.register(trainer, seminarId, [
			{ personId: '0190e0aa-0000-7000-8000-000000000041', provisional: { displayName: 'Жылдыз О.', phone: '+996700555123', schoolCode: 'NR-001' } }
		]);
		expect(registered.ok && registered.value.flagged).toBe(1);
		expect(services.handle.sqlite.prepare('select other_person_id from duplicate_flags').pluck().get()).toBe(signedUp.value.personId);
	});

	it('gives a person created on the spot an account of their own, once, and then they are no longer provisional', async () => {
		const { seminars, trainer, admin, seminarId, services, merges } = await setup();
		const onTheSpot = '0190e0aa-0000-7000-8000-000000000051';
		await seminars.register(trainer, seminarId, [{ personId: onTheSpot, provisional: { displayName: 'Нурлан Эсенов', phone: null, schoolCode: 'NR-001' } }]);
		expect(await seminars.giveAccount(trainer, seminarId, onTheSpot, 'not a login!')).toEqual({ ok: false, failure: { code: 'login-invalid' } });
		expect(await seminars.giveAccount(trainer, seminarId, onTheSpot, 'teacher.bakyt')).toEqual({ ok: false, failure: { code: 'login-taken' } });
		const given = await seminars.giveAccount(trainer, seminarId, onTheSpot, '0700 123 456');
		expect(given).toEqual({ ok: true, value: { personId: onTheSpot, login: '+996700123456', temporaryPassword: expect.any(String) } });
		const signedIn = await services.auth.signIn({ login: '+996700123456', password: given.ok ? given.value.temporaryPassword : '' });
		expect(signedIn.ok && signedIn.value.personId).toBe(onTheSpot);
		expect(await seminars.giveAccount(trainer, seminarId, onTheSpot, 'another.login')).toEqual({ ok: false, failure: { code: 'not-provisional' } });
		const kit = await seminars.kit(trainer, seminarId);
		expect(kit.ok && kit.value.participants.find((participant) => participant.personId === onTheSpot)?.provisional).toBe(false);
		// With credentials of their own, they are never merged away.
		const other = await services.auth.signUp({ login: 'other.teacher', password: 'long-enough-password' });
		expect(await merges.merge(admin, { fromPersonId: onTheSpot, intoPersonId: other.ok ? other.value.personId : '' })).toEqual({ ok: false, failure: { code: 'not-provisional' } });
	});

	it('folds a seminar whose stored rule lacks fields with the default’s, instead of failing the push', async () => {
		const { trainer, teacher, seminarId, push, attended, record, services } = await setup();
		services.handle.sqlite.prepare(`update seminars set completion_rule = '{}' where id = ?`).run(seminarId);
		expect(await push(trainer, [attended(teacher.personId, 's1', 'roster', { recordedBy: trainer.personId })])).toEqual([]);
		expect(record(teacher.personId)).toMatchObject({ attended: 1 });
	});
});
