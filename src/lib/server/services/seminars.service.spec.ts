import { afterEach, describe, expect, it } from 'vitest';
import { servicesUnderTest, grantRole, type ServicesUnderTest } from '../../../../tests/support/server-services';
import { createAccountsRepo } from '../repos/accounts.repo';
import { createMembershipsRepo } from '../repos/memberships.repo';
import { createSeminarsRepo } from '../repos/seminars.repo';
import { createSeminarParticipantsRepo } from '../repos/seminar-participants.repo';
import { createSchoolsRepo } from '../repos/schools.repo';
import { createSeminarsService } from './seminars.service';

const open: ServicesUnderTest[] = [];
afterEach(() => open.splice(0).forEach((services) => services.close()));

async function setup() {
	const services = servicesUnderTest();
	open.push(services);
	let n = 0;
	const newId = () => `0190e000-0000-7000-8000-${String(++n).padStart(12, '0')}`;
	const seminars = createSeminarsService({
		seminars: createSeminarsRepo(services.handle.db),
		participants: createSeminarParticipantsRepo(services.handle.sqlite, { newId }),
		schools: createSchoolsRepo(services.handle.db),
		hashTemporary: (password) => `temporary:${password}`,
		accounts: createAccountsRepo(services.handle.db),
		memberships: createMembershipsRepo(services.handle.db),
		regionCodes: ['naryn', 'osh'],
		programmes: { 'teaching-integrity': ['s1', 's2', 's3', 's4', 's5', 's6'] },
		completionRules: { 'teaching-integrity': { version: 3, minAttendanceShare: 0.8, testPassPercent: 75, assignmentAccepted: true } },
		newId,
		randomBytes: (length) => new Uint8Array(length).fill(7),
		now: () => new Date('2026-11-27T08:00:00Z')
	});
	const person = async (login: string, role?: string) => {
		const result = await services.auth.signUp({ login, password: 'long-enough-password' });
		if (!result.ok) throw new Error('sign-up');
		if (role) grantRole(services, result.value.personId, role, 'programme', 'programme');
		return { sessionId: 's', accountId: `account-${login}`, personId: result.value.personId, kind: 'profile' as const };
	};
	return { services, seminars, admin: await person('programme.admin', 'programme-admin'), trainer: await person('trainer.aida', 'trainer'), other: await person('trainer.bolot', 'trainer') };
}

const draft = {
	programmeId: 'teaching-integrity',
	regionCode: 'naryn',
	centre: 'Нарын',
	venue: 'Областной институт повышения квалификации',
	startsOn: '2026-12-07',
	endsOn: '2026-12-09',
	capacity: 30,
	sessions: ['s1', 's2', 's3', 's4', 's5', 's6'].map((sessionId, index) => ({ sessionId, heldOn: `2026-12-0${7 + Math.floor(index / 2)}` }))
};

describe('seminars', () => {
	it('schedules a seminar with its trainers; each trainer sees it and only its trainers get the check-in key', async () => {
		const { services, seminars, admin, trainer, other } = await setup();
		const scheduled = await seminars.schedule(admin, { ...draft, trainerLogins: ['trainer.aida'] });
		if (!scheduled.ok) throw new Error(JSON.stringify(scheduled.failure));
		const [listed] = await seminars.list(trainer);
		expect(listed).toMatchObject({ id: scheduled.value.id, regionCode: 'naryn', trainerIds: [trainer.personId], completionRule: { version: 3, minAttendanceShare: 0.8, testPassPercent: 75 } });
		expect(listed!.sessions.map((session) => [session.sessionId, session.heldOn])).toEqual(draft.sessions.map((session) => [session.sessionId, session.heldOn]));
		expect(listed).not.toHaveProperty('checkInKey');
		expect(await seminars.list(other)).toEqual([]);
		expect((await seminars.list(admin)).map((seminar) => seminar.id)).toEqual([scheduled.value.id]);
		expect(await seminars.checkInKey(trainer, scheduled.value.id)).toEqual({ ok: true, value: { seminarId: scheduled.value.id, key: Buffer.from(new Uint8Array(32).fill(7)).toString('base64url') } });
		expect(await seminars.checkInKey(other, scheduled.value.id)).toEqual({ ok: false, failure: { code: 'not-found' } });
		expect(services.handle.sqlite.prepare("select count(*) from audit_log where action = 'seminar.scheduled'").pluck().get()).toBe(1);
	});

	it('makes a trainer who schedules a seminar one of its trainers, and refuses a bad draft or an unknown trainer, writing nothing', async () => {
		const { services, seminars, trainer } = await setup();
		const own = await seminars.schedule(trainer, { ...draft, trainerLogins: [] });
		expect(own.ok && (await seminars.list(trainer)).map((seminar) => seminar.trainerIds)).toEqual([[trainer.personId]]);
		expect(await seminars.schedule(trainer, { ...draft, capacity: 0, trainerLogins: [] })).toEqual({ ok: false, failure: { code: 'draft-invalid', problems: ['capacity-invalid'] } });
		expect(await seminars.schedule(trainer, { ...draft, trainerLogins: ['nobody.here'] })).toEqual({ ok: false, failure: { code: 'trainer-unknown', logins: ['nobody.here'] } });
		expect(services.count('seminars')).toBe(1);
	});
});
