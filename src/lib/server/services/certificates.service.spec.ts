import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyCertificateToken } from '$lib/certificates/verify';
import type { Catalogue } from '$lib/content/pack.types';
import { SYNC_PROTOCOL } from '$lib/progress/sync-protocol';
import { eventFactory, VERSION } from '../../../../tests/support/course-events';
import { grantRole, servicesUnderTest, TEST_ANSWER_KEYS, TEST_CATALOGUE, type ServicesUnderTest } from '../../../../tests/support/server-services';
import { createCertificateSigner, ensureKeyRing, publicKeysOf } from '../certificates/key-ring';
import { createCertificatesRepo } from '../repos/certificates.repo';
import { createMembershipsRepo } from '../repos/memberships.repo';
import { createOrganisationsRepo } from '../repos/organisations.repo';
import { createCertificatesService } from './certificates.service';

const open: { services: ServicesUnderTest; keysDir: string }[] = [];
afterEach(() =>
	open.splice(0).forEach(({ services, keysDir }) => {
		services.close();
		rmSync(keysDir, { recursive: true, force: true });
	})
);

async function setup(catalogue: Catalogue = TEST_CATALOGUE) {
	const services = servicesUnderTest();
	const keysDir = mkdtempSync(path.join(tmpdir(), 'taza-keys-'));
	open.push({ services, keysDir });
	const ring = ensureKeyRing(keysDir, new Date('2026-01-01T00:00:00Z'));
	let n = 0;
	const certificates = createCertificatesService({
		certificates: createCertificatesRepo(services.handle.db),
		memberships: createMembershipsRepo(services.handle.db),
		organisations: createOrganisationsRepo(services.handle.db),
		catalogue,
		answerKeys: TEST_ANSWER_KEYS,
		signer: createCertificateSigner(ring),
		issuer: { id: 'https://taza.example', name: 'Taza' },
		texts: (kind, locale, name) => ({ description: `${kind}:${locale}:${name}`, criteria: 'criteria' }),
		newId: () => `0196b1c2-3d4e-7f50-8a61-${String(++n).padStart(12, '0')}`,
		now: () => new Date(services.clock.now)
	});
	const signUp = async (login: string, displayName?: string) => {
		const result = await services.auth.signUp({ login, password: 'long-enough-password', displayName });
		if (!result.ok) throw new Error('sign-up');
		return { sessionId: 's', accountId: `account-of-${login}`, personId: result.value.personId, kind: 'profile' as const };
	};
	const learner = await signUp('learner.one', 'Айгүл Өмүрбекова');
	const events = eventFactory();
	const push = (session: typeof learner, batch: unknown[]) =>
		services.sync.push(session, { protocol: SYNC_PROTOCOL, deviceId: 'device-1', sentAt: new Date(services.clock.now).toISOString(), events: batch });
	const completeEthics = (session = learner) =>
		push(session, [events.lessonCompleted(session.personId, 'ethics', 'l1'), events.lessonProgressed(session.personId, 'ethics', 'l2'), events.lessonCompleted(session.personId, 'ethics', 'l2')]);
	return { services, certificates, learner, signUp, push, events, completeEthics, keys: publicKeysOf(ring) };
}

describe('course certificates', () => {
	it('are issued for a completed mandatory course, on the version it was earned on, and verify offline', async () => {
		const { services, certificates, learner, completeEthics, keys } = await setup();
		await completeEthics();
		const issued = await certificates.issueCourseCertificate(learner, { courseId: 'ethics', locale: 'ky' });
		if (!issued.ok) throw new Error(issued.failure.code);
		expect(issued.value.created).toBe(true);
		expect(issued.value.certificate).toMatchObject({ kind: 'course', achievementId: 'ethics', version: VERSION, recipientName: 'Айгүл Өмүрбекова', locale: 'ky', revokedAt: null });
		for (const token of [issued.value.certificate.credential!, issued.value.certificate.qrToken!]) {
			expect(await verifyCertificateToken(token, keys)).toMatchObject({ status: 'valid', certificate: { id: issued.value.certificate.id, version: VERSION } });
		}
		expect(services.handle.sqlite.prepare("select action, subject_person_id as subject from audit_log where action like 'certificate.%'").all()).toEqual([
			{ action: 'certificate.issued', subject: learner.personId }
		]);
	});

	it('are the same certificate when asked again', async () => {
		const { services, certificates, learner, completeEthics } = await setup();
		await completeEthics();
		const first = await certificates.issueCourseCertificate(learner, { courseId: 'ethics', locale: 'ky' });
		services.clock.now += 60_000;
		const again = await certificates.issueCourseCertificate(learner, { courseId: 'ethics', locale: 'ru' });
		expect(again).toEqual({ ok: true, value: { created: false, certificate: first.ok && first.value.certificate } });
		expect(services.count('certificates')).toBe(1);
		expect((await certificates.mine(learner)).certificates).toHaveLength(1);
	});

	it('are refused for a course not completed on the server, a course that is not mandatory, and an unknown course', async () => {
		const optional: Catalogue = { ...TEST_CATALOGUE, courses: TEST_CATALOGUE.courses.map((course) => (course.id === 'ethics' ? { ...course, mandatory: false } : course)) };
		const { certificates, learner, push, events, completeEthics } = await setup(optional);
		expect(await certificates.issueCourseCertificate(learner, { courseId: 'conflicts', locale: 'en' })).toEqual({ ok: false, failure: { code: 'not-completed' } });
		// The device says it passed, but the server's re-grade fails it: not completed.
		await push(learner, [events.testSubmitted(learner.personId, 'conflicts', { questionIds: ['q1', 'q2'], answers: { q1: { kind: 'true-false', value: false } }, scorePercent: 100, passed: true })]);
		expect(await certificates.issueCourseCertificate(learner, { courseId: 'conflicts', locale: 'en' })).toEqual({ ok: false, failure: { code: 'not-completed' } });
		await completeEthics();
		expect(await certificates.issueCourseCertificate(learner, { courseId: 'ethics', locale: 'en' })).toEqual({ ok: false, failure: { code: 'not-mandatory' } });
		expect(await certificates.issueCourseCertificate(learner, { courseId: 'no-such-course', locale: 'en' })).toEqual({ ok: false, failure: { code: 'course-unknown' } });
		expect((await certificates.mine(learner)).eligible).toEqual([]);
	});

	it('count a course an organisation of the learner assigned as mandatory', async () => {
		const optional: Catalogue = { ...TEST_CATALOGUE, courses: TEST_CATALOGUE.courses.map((course) => ({ ...course, mandatory: false })) };
		const { services, certificates, learner, completeEthics } = await setup(optional);
		grantRole(services, learner.personId, 'learner', 'organisation', 'org-1');
		services.handle.sqlite
			.prepare("insert into course_assignments (id, scope_kind, scope_id, course_id, due_on, assigned_by, assigned_at) values ('a1', 'organisation', 'org-1', 'ethics', '2026-12-31', 'x', '2026-11-01T00:00:00Z')")
			.run();
		await completeEthics();
		expect((await certificates.mine(learner)).eligible.map((row) => row.courseId)).toEqual(['ethics']);
		expect((await certificates.issueCourseCertificate(learner, { courseId: 'ethics', locale: 'ru' })).ok).toBe(true);
		expect((await certificates.mine(learner)).eligible).toEqual([]);
	});

	it('name the version of the first test the server passes, for a course mastered by its test', async () => {
		const { certificates, learner, push, events } = await setup();
		await push(learner, [
			events.testSubmitted(learner.personId, 'conflicts', { courseVersion: '11112222', questionIds: ['q1', 'q2'], answers: { q1: { kind: 'true-false', value: false } } }),
			events.testSubmitted(learner.personId, 'conflicts', { courseVersion: '33334444', questionIds: ['q1', 'q2'], answers: { q1: { kind: 'true-false', value: true } } }),
			events.testSubmitted(learner.personId, 'conflicts', { courseVersion: '55556666', questionIds: ['q1', 'q2'], answers: { q1: { kind: 'true-false', value: true } } })
		]);
		const issued = await certificates.issueCourseCertificate(learner, { courseId: 'conflicts', locale: 'en' });
		expect(issued.ok && issued.value.certificate.version).toBe('33334444');
	});

	it('ask a person with no name on record for the name to print, and keep it with their personal data', async () => {
		const { services, certificates, signUp, completeEthics } = await setup();
		const nameless = await signUp('nameless.learner');
		await completeEthics(nameless);
		expect(await certificates.issueCourseCertificate(nameless, { courseId: 'ethics', locale: 'en' })).toEqual({ ok: false, failure: { code: 'name-missing' } });
		expect(await certificates.issueCourseCertificate(nameless, { courseId: 'ethics', locale: 'en', name: ' x ' })).toEqual({ ok: false, failure: { code: 'name-invalid' } });
		const issued = await certificates.issueCourseCertificate(nameless, { courseId: 'ethics', locale: 'en', name: '  Bakyt   Asanov ' });
		expect(issued.ok && issued.value.certificate.recipientName).toBe('Bakyt Asanov');
		expect(services.handle.sqlite.prepare('select display_name from person_details where person_id = ?').pluck().get(nameless.personId)).toBe('Bakyt Asanov');
	});
});

describe('training certificates (the hook teacher-training completion calls)', () => {
	it('are issued once per person, programme and version, by the trainer, who alone besides administrators may revoke them', async () => {
		const { services, certificates, learner, signUp, keys } = await setup();
		const trainer = await signUp('trainer.one', 'Тренер');
		grantRole(services, trainer.personId, 'trainer', 'programme', 'programme');
		const otherTrainer = await signUp('trainer.two', 'Башка тренер');
		grantRole(services, otherTrainer.personId, 'trainer', 'programme', 'programme');
		const input = { personId: learner.personId, programmeId: 'teaching-integrity', programmeName: 'Ак ниеттүүлүктү интерактивдүү окутуу', version: 'feedbeef', locale: 'ky' as const, issuedBy: { accountId: trainer.accountId } };
		const first = await certificates.issueTrainingCertificate(input);
		const again = await certificates.issueTrainingCertificate(input);
		if (!first.ok || !again.ok) throw new Error('not issued');
		expect(again.value).toEqual({ created: false, certificate: first.value.certificate });
		expect(await verifyCertificateToken(first.value.certificate.qrToken!, keys)).toMatchObject({ status: 'valid', certificate: { kind: 'training', achievementId: 'teaching-integrity', version: 'feedbeef' } });
		const id = first.value.certificate.id;
		expect(await certificates.revoke(otherTrainer, id, { reason: 'issued-in-error' })).toEqual({ ok: false, failure: { code: 'forbidden' } });
		expect(await certificates.revoke(trainer, id, { reason: 'issued-in-error', note: 'wrong person' })).toMatchObject({ ok: true, value: { status: 'revoked' } });
		expect(await certificates.status(id)).toEqual({ id, status: 'revoked', revokedAt: '2026-11-26T10:00:00.000Z', reason: 'issued-in-error' });
	});
});

describe('revocation', () => {
	it('is for programme administrators, once, audited with the note, and public as a code only', async () => {
		const { services, certificates, learner, signUp, completeEthics } = await setup();
		await completeEthics();
		const issued = await certificates.issueCourseCertificate(learner, { courseId: 'ethics', locale: 'ky' });
		const id = issued.ok ? issued.value.certificate.id : '';
		const admin = await signUp('programme.admin', 'Админ');
		grantRole(services, admin.personId, 'programme-admin', 'programme', 'programme');
		const trainer = await signUp('trainer.one');
		grantRole(services, trainer.personId, 'trainer', 'programme', 'programme');
		expect(await certificates.status(id)).toEqual({ id, status: 'active', revokedAt: null, reason: null });
		// A trainer may revoke only training certificates they issued; this one the learner asked for.
		expect(await certificates.revoke(trainer, id, { reason: 'other' })).toEqual({ ok: false, failure: { code: 'forbidden' } });
		expect(await certificates.revoke(admin, id, { reason: 'obtained-improperly', note: 'answers shared in a chat' })).toMatchObject({ ok: true });
		expect(await certificates.revoke(admin, id, { reason: 'other' })).toEqual({ ok: false, failure: { code: 'already-revoked' } });
		expect(await certificates.revoke(admin, 'no-such-id', { reason: 'other' })).toEqual({ ok: false, failure: { code: 'not-found' } });
		expect(JSON.stringify(await certificates.status(id))).not.toContain('Айгүл');
		const audit = services.handle.sqlite.prepare("select details from audit_log where action = 'certificate.revoked'").pluck().get() as string;
		expect(JSON.parse(audit)).toMatchObject({ certificateId: id, reason: 'obtained-improperly', note: 'answers shared in a chat' });
		// Asking again for the course gives the revoked certificate back, not a new one.
		const again = await certificates.issueCourseCertificate(learner, { courseId: 'ethics', locale: 'ky' });
		expect(again.ok && again.value.certificate).toMatchObject({ id, reason: 'obtained-improperly' });
	});

	it('leaves the server without the name once the person is erased, and the status still answers', async () => {
		const { services, certificates, learner, signUp, completeEthics } = await setup();
		await completeEthics();
		const issued = await certificates.issueCourseCertificate(learner, { courseId: 'ethics', locale: 'ky' });
		const id = issued.ok ? issued.value.certificate.id : '';
		const admin = await signUp('programme.admin', 'Админ');
		expect((await services.people.erase(admin, learner.personId)).ok).toBe(true);
		expect(services.handle.sqlite.prepare('select credential, qr_token as qrToken from certificates').get()).toEqual({ credential: null, qrToken: null });
		expect(await certificates.status(id)).toMatchObject({ status: 'active' });
	});
});
