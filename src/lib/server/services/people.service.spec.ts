import { afterEach, describe, expect, it } from 'vitest';
import { grantRole, servicesUnderTest, type ServicesUnderTest } from '../../../../tests/support/server-services';

const open: ServicesUnderTest[] = [];
afterEach(() => open.splice(0).forEach((services) => services.close()));

async function setup() {
	const services = servicesUnderTest();
	open.push(services);
	const teacherAccount = await services.auth.signUp({ login: 'teacher.one', password: 'teacher-password', displayName: 'Мугалим' });
	if (!teacherAccount.ok) throw new Error('sign-up');
	const teacher = { sessionId: 's-t', accountId: 'a-t', personId: teacherAccount.value.personId, kind: 'cookie' as const };
	const opened = await services.classes.open(teacher, { name: '5-Б' });
	if (!opened.ok) throw new Error('open');
	const child = await services.auth.joinClass({ code: opened.class.joinCode, displayName: 'Айбек', secret: { kind: 'pin', pin: '1234' } });
	if (!child.ok) throw new Error('join');
	return { services, teacher, classId: opened.class.id, joinCode: opened.class.joinCode, child: child.value };
}

describe('resets', () => {
	it('give a child three new pictures, end their sessions and record who did it in the class', async () => {
		const { services, teacher, classId, joinCode, child } = await setup();
		expect(await services.auth.resolve(child.token, 'cookie')).toBeDefined();
		const reset = await services.people.reset(teacher, child.personId);
		expect(reset.ok && reset.value.kind).toBe('pictures');
		if (!reset.ok || reset.value.kind !== 'pictures') return;
		expect(await services.auth.resolve(child.token, 'cookie')).toBeUndefined();
		expect((await services.auth.signInToClass({ code: joinCode, personId: child.personId, secret: { kind: 'pin', pin: '1234' } })).ok).toBe(false);
		expect((await services.auth.signInToClass({ code: joinCode, personId: child.personId, secret: { kind: 'pictures', pictures: reset.value.pictures } })).ok).toBe(true);
		expect(services.handle.sqlite.prepare("select subject_person_id, scope_kind, scope_id, details from audit_log where action = 'secret.reset'").get()).toEqual({
			subject_person_id: child.personId,
			scope_kind: 'class',
			scope_id: classId,
			details: JSON.stringify({ kind: 'pictures' })
		});
	});

	it('give an adult a temporary password they must replace, and clear a lockout', async () => {
		const { services } = await setup();
		const clerk = await services.auth.signUp({ login: 'clerk.one', password: 'forgotten-password' });
		const admin = await services.auth.signUp({ login: 'admin.one', password: 'admin-password' });
		if (!clerk.ok || !admin.ok) throw new Error('sign-up');
		grantRole(services, admin.value.personId, 'programme-admin', 'programme', 'programme');
		for (let attempt = 0; attempt < 5; attempt += 1) await services.auth.signIn({ login: 'clerk.one', password: 'wrong-guess' });
		expect(await services.auth.signIn({ login: 'clerk.one', password: 'forgotten-password' })).toMatchObject({ ok: false, failure: { code: 'locked' } });
		const reset = await services.people.reset({ sessionId: 's', accountId: 'a-admin', personId: admin.value.personId, kind: 'cookie' as const }, clerk.value.personId);
		if (!reset.ok || reset.value.kind !== 'password') throw new Error('reset');
		expect(await services.auth.signIn({ login: 'clerk.one', password: reset.value.temporaryPassword })).toMatchObject({ ok: true });
		expect(services.handle.sqlite.prepare('select must_change_password from accounts where person_id = ?').pluck().get(clerk.value.personId)).toBe(1);
		expect(services.handle.sqlite.prepare("select scope_kind from audit_log where action = 'secret.reset'").pluck().get()).toBe('programme');
	});

	it('refuse people who do not exist', async () => {
		const { services, teacher } = await setup();
		expect(await services.people.reset(teacher, 'nobody')).toEqual({ ok: false, failure: { code: 'not-found' } });
	});
});

describe('personal data', () => {
	it('is found by login or name, exported whole (and the export audited), then erased while the learning record stays', async () => {
		const { services, teacher, child } = await setup();
		const admin = { sessionId: 's', accountId: 'a-admin', personId: 'admin-person', kind: 'cookie' as const };
		expect((await services.people.search('айб')).map((person) => person.displayName)).toEqual(['Айбек']);
		expect((await services.people.search('teacher.one')).map((person) => person.personId)).toEqual([teacher.personId]);
		expect(await services.people.search('a')).toEqual([]);
		expect(await services.people.search('%')).toEqual([]);

		const exported = await services.people.exportData(admin, child.personId);
		expect(exported).toMatchObject({
			person: { id: child.personId, erasedAt: null },
			details: { displayName: 'Айбек' },
			logins: [{ kind: 'class-member' }],
			memberships: [{ role: 'learner', scopeKind: 'class' }],
			auditEntries: [{ action: 'class.joined' }]
		});
		expect(services.handle.sqlite.prepare("select count(*) from audit_log where action = 'person.exported'").pluck().get()).toBe(1);

		services.handle.sqlite
			.prepare("insert into course_summaries (person_id, course_id, rule_version, summary, updated_at) values (?, 'ethics', 1, '{}', '2026-11-26T00:00:00Z')")
			.run(child.personId);
		expect(await services.people.erase(admin, child.personId)).toEqual({ ok: true, value: null });
		expect(await services.auth.resolve(child.token, 'cookie')).toBeUndefined();
		expect(services.handle.sqlite.prepare('select count(*) from person_details where person_id = ?').pluck().get(child.personId)).toBe(0);
		expect(services.handle.sqlite.prepare('select count(*) from login_names join accounts on accounts.id = login_names.account_id where person_id = ?').pluck().get(child.personId)).toBe(0);
		expect(services.handle.sqlite.prepare('select count(*) from course_summaries where person_id = ?').pluck().get(child.personId)).toBe(1);
		expect(services.handle.sqlite.prepare('select count(*) from memberships where person_id = ?').pluck().get(child.personId)).toBe(1);
		expect(await services.people.erase(admin, child.personId)).toEqual({ ok: false, failure: { code: 'erased' } });
		expect(await services.people.reset(admin, child.personId)).toEqual({ ok: false, failure: { code: 'erased' } });
		expect(await services.people.erase(admin, admin.personId)).toEqual({ ok: false, failure: { code: 'cannot-erase-self' } });
		expect(await services.people.search('айб')).toEqual([]);
	});
});
