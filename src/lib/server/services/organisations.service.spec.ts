import { afterEach, describe, expect, it } from 'vitest';
import { emptyCourseSummary } from '$lib/progress/course-summary';
import { grantRole, servicesUnderTest, type ServicesUnderTest } from '../../../../tests/support/server-services';

const open: ServicesUnderTest[] = [];
afterEach(() => open.splice(0).forEach((services) => services.close()));

async function setup() {
	const services = servicesUnderTest();
	open.push(services);
	const admin = await services.auth.signUp({ login: 'programme.admin', password: 'programme-2026', displayName: 'Админ' });
	if (!admin.ok) throw new Error('sign-up failed');
	grantRole(services, admin.value.personId, 'programme-admin', 'programme', 'programme');
	const programmeAdmin = { sessionId: 's-admin', accountId: 'unused', personId: admin.value.personId, kind: 'cookie' as const };
	const created = await services.organisations.create(programmeAdmin, { name: 'Министерство юстиции', kind: 'ministry', regionCode: 'bishkek' });
	if (!created.ok) throw new Error('organisation not created');
	return { services, programmeAdmin, organisationId: created.value.id };
}

describe('organisations', () => {
	it('are created by name, kind and region, with an audit entry in their scope', async () => {
		const { services, programmeAdmin, organisationId } = await setup();
		expect(await services.organisations.create(programmeAdmin, { name: ' министерство   юстиции ', kind: 'ministry', regionCode: 'bishkek' })).toEqual({
			ok: false,
			failure: { code: 'name-taken' }
		});
		expect(await services.organisations.create(programmeAdmin, { name: 'Айыл өкмөтү', kind: 'municipality', regionCode: 'mars' })).toMatchObject({
			ok: false,
			failure: { code: 'region-unknown' }
		});
		expect(services.handle.sqlite.prepare("select scope_kind, scope_id from audit_log where action = 'organisation.created'").get()).toEqual({
			scope_kind: 'organisation',
			scope_id: organisationId
		});
		expect((await services.organisations.administeredBy(programmeAdmin)).map((organisation) => organisation.id)).toEqual([organisationId]);
	});

	it('get administrators appointed by login, who then see only their own organisation', async () => {
		const { services, programmeAdmin, organisationId } = await setup();
		const other = await services.organisations.create(programmeAdmin, { name: 'Талас шаардык кеңеши', kind: 'municipality', regionCode: 'talas' });
		const clerk = await services.auth.signUp({ login: '0700 111 222', password: 'clerk-password' });
		if (!clerk.ok || !other.ok) throw new Error('setup');
		expect(await services.organisations.appointAdmin(programmeAdmin, organisationId, { login: '+996700111222' })).toEqual({ ok: true, value: { personId: clerk.value.personId } });
		expect(await services.organisations.appointAdmin(programmeAdmin, organisationId, { login: '0700111222' })).toMatchObject({ failure: { code: 'already-admin' } });
		expect(await services.organisations.appointAdmin(programmeAdmin, organisationId, { login: 'nobody.here' })).toMatchObject({ failure: { code: 'login-unknown' } });
		const asClerk = { sessionId: 's', accountId: 'a', personId: clerk.value.personId, kind: 'cookie' as const };
		expect((await services.organisations.administeredBy(asClerk)).map((organisation) => organisation.id)).toEqual([organisationId]);
	});
});

describe('members', () => {
	it('added by form get an account with a temporary password that signs in once and must be replaced', async () => {
		const { services, programmeAdmin, organisationId } = await setup();
		const added = await services.organisations.addMember(programmeAdmin, organisationId, { displayName: ' Асель  Токтогулова ', login: '0555 123 456' });
		expect(added.ok).toBe(true);
		if (!added.ok) return;
		expect(added.value.plan).toEqual([{ line: 1, displayName: 'Асель Токтогулова', login: '+996555123456', outcome: 'create' }]);
		const [issued] = added.value.temporaryPasswords;
		expect(issued?.temporaryPassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
		expect(services.handle.sqlite.prepare('select password_hash from accounts where must_change_password = 1').pluck().get()).toMatch(/^temporary-sha256\$/);
		expect((await services.auth.signIn({ login: '+996555123456', password: issued!.temporaryPassword })).ok).toBe(true);
		expect((await services.organisations.members(organisationId)).members).toEqual([
			{ personId: expect.any(String), displayName: 'Асель Токтогулова', login: '+996555123456', memberSince: '2026-11-26T10:00:00.000Z', erased: false }
		]);
		// The same person again: nothing new, and no second password.
		const again = await services.organisations.addMember(programmeAdmin, organisationId, { displayName: 'Асель', login: '+996555123456' });
		expect(again.ok && again.value).toMatchObject({ plan: [{ outcome: 'already-member' }], temporaryPasswords: [] });
		expect(services.count('accounts')).toBe(2);
	});

	it('refuses a bad form with every problem named, writing nothing', async () => {
		const { services, programmeAdmin, organisationId } = await setup();
		const before = services.count('memberships');
		expect(await services.organisations.addMember(programmeAdmin, organisationId, { displayName: ' ', login: '12' })).toEqual({
			ok: false,
			failure: {
				code: 'row-invalid',
				problems: [
					{ line: 1, problem: 'name-missing' },
					{ line: 1, problem: 'login-invalid', reason: 'phone-invalid' }
				]
			}
		});
		expect(services.count('memberships')).toBe(before);
	});

	it('imported by CSV: a dry run and a file with errors write nothing; a clean file imports every row at once', async () => {
		const { services, programmeAdmin, organisationId } = await setup();
		await services.auth.signUp({ login: 'existing.user', password: 'existing-password', displayName: 'Бар адам' });
		const broken = 'ФИО;Телефон\nАйгүл;0555000001\n;0555000002\nБакыт;existing.user\n';
		const tables = ['people', 'accounts', 'memberships', 'audit_log'].map((table) => services.count(table));

		const report = await services.organisations.importMembers(programmeAdmin, organisationId, { csv: broken, dryRun: false });
		expect(report).toEqual({
			ok: true,
			value: {
				committed: false,
				plan: [
					{ line: 2, displayName: 'Айгүл', login: '+996555000001', outcome: 'create' },
					{ line: 4, displayName: 'Бакыт', login: 'existing.user', outcome: 'add-existing' }
				],
				problems: [{ line: 3, problem: 'name-missing' }],
				temporaryPasswords: []
			}
		});
		const fixed = broken.replace('\n;0555000002', '\nДинара;0555000002');
		const dryRun = await services.organisations.importMembers(programmeAdmin, organisationId, { csv: fixed, dryRun: true });
		expect(dryRun.ok && dryRun.value.committed).toBe(false);
		expect(['people', 'accounts', 'memberships', 'audit_log'].map((table) => services.count(table))).toEqual(tables);

		const imported = await services.organisations.importMembers(programmeAdmin, organisationId, { csv: fixed, dryRun: false });
		expect(imported.ok && imported.value.committed).toBe(true);
		expect(imported.ok && imported.value.temporaryPasswords.map((row) => row.login)).toEqual(['+996555000001', '+996555000002']);
		expect((await services.organisations.members(organisationId)).members.map((member) => member.displayName)).toEqual(['Айгүл', 'Бар адам', 'Динара']);
		expect(services.handle.sqlite.prepare("select details from audit_log where action = 'members.imported'").pluck().all()).toEqual([
			JSON.stringify({ created: 2, added: 1, rows: 3 })
		]);

		// Sending the same file again changes nothing: every row is already a member.
		const repeat = await services.organisations.importMembers(programmeAdmin, organisationId, { csv: fixed, dryRun: false });
		expect(repeat.ok && repeat.value.plan.map((row) => row.outcome)).toEqual(['already-member', 'already-member', 'already-member']);
		expect(services.count('memberships')).toBe(tables[2]! + 3);
	});

	it('refuses a file without the needed columns', async () => {
		const { services, programmeAdmin, organisationId } = await setup();
		expect(await services.organisations.importMembers(programmeAdmin, organisationId, { csv: 'email\na@b.kg', dryRun: false })).toEqual({
			ok: false,
			failure: { code: 'file-invalid', problem: 'columns-missing' }
		});
	});

	it('leave from today, and their history stays', async () => {
		const { services, programmeAdmin, organisationId } = await setup();
		const added = await services.organisations.addMember(programmeAdmin, organisationId, { displayName: 'Нурлан', login: 'nurlan.a' });
		const personId = services.handle.sqlite.prepare("select person_id from accounts join login_names on login_names.account_id = accounts.id where login = 'nurlan.a'").pluck().get() as string;
		expect(added.ok).toBe(true);
		services.clock.now += 86_400_000;
		expect(await services.organisations.removeMember(programmeAdmin, organisationId, personId)).toEqual({ ok: true, value: null });
		expect((await services.organisations.members(organisationId)).members).toEqual([]);
		expect(services.handle.sqlite.prepare('select valid_to from memberships where person_id = ?').pluck().get(personId)).toBe('2026-11-27T10:00:00.000Z');
		expect(await services.organisations.removeMember(programmeAdmin, organisationId, personId)).toMatchObject({ ok: false, failure: { code: 'not-found' } });
	});
});

describe('mandatory courses and compliance', () => {
	it('need a known course and a due date that is a real day, not in the past, once per course', async () => {
		const { services, programmeAdmin, organisationId } = await setup();
		const assign = (courseId: string, dueOn: string) => services.organisations.assign(programmeAdmin, organisationId, { courseId, dueOn });
		expect(await assign('no-such-course', '2026-12-31')).toMatchObject({ failure: { code: 'course-unknown' } });
		expect(await assign('ethics', '2026-02-30')).toMatchObject({ failure: { code: 'due-date-invalid' } });
		expect(await assign('ethics', '2026-11-25')).toMatchObject({ failure: { code: 'due-date-past' } });
		expect(await assign('ethics', '2026-11-26')).toMatchObject({ ok: true });
		expect(await assign('ethics', '2026-12-31')).toMatchObject({ failure: { code: 'already-assigned' } });
	});

	it('show each member completed, in progress, not started or overdue from the synced summaries, and members see what is theirs', async () => {
		const { services, programmeAdmin, organisationId } = await setup();
		await services.organisations.importMembers(programmeAdmin, organisationId, { csv: 'name,login\nАйгүл,aigul.k\nБакыт,bakyt.o\nЧолпон,cholpon.t', dryRun: false });
		const ethics = await services.organisations.assign(programmeAdmin, organisationId, { courseId: 'ethics', dueOn: '2026-12-10' });
		const conflicts = await services.organisations.assign(programmeAdmin, organisationId, { courseId: 'conflicts', dueOn: '2026-11-30' });
		if (!ethics.ok || !conflicts.ok) throw new Error('assign');
		const person = (login: string) =>
			services.handle.sqlite.prepare('select person_id from accounts join login_names on login_names.account_id = accounts.id where login = ?').pluck().get(login) as string;
		const putSummary = (personId: string, courseId: string, changes: object) =>
			services.handle.sqlite
				.prepare('insert into course_summaries (person_id, course_id, rule_version, summary, completed_at, updated_at) values (?, ?, 1, ?, ?, ?)')
				.run(personId, courseId, JSON.stringify({ ...emptyCourseSummary(personId, courseId), ...changes }), null, '2026-11-27T00:00:00Z');
		putSummary(person('aigul.k'), 'ethics', { completedLessons: ['l1', 'l2'] });
		putSummary(person('bakyt.o'), 'ethics', { startedLessons: ['l1'] });
		putSummary(person('bakyt.o'), 'conflicts', { quizPassed: true });

		services.clock.now = Date.parse('2026-12-01T10:00:00Z');
		const report = await services.organisations.compliance(organisationId);
		expect(report.today).toBe('2026-12-01');
		expect(report.rows.map((row) => [row.displayName, ...row.statuses.map((cell) => cell.status)])).toEqual([
			['Айгүл', 'completed', 'overdue'],
			['Бакыт', 'in-progress', 'completed'],
			['Чолпон', 'not-started', 'overdue']
		]);

		const asBakyt = { sessionId: 's', accountId: 'a', personId: person('bakyt.o'), kind: 'cookie' as const };
		expect((await services.organisations.assignedTo(asBakyt)).map(({ courseId, dueOn, status, scopeName }) => ({ courseId, dueOn, status, scopeName }))).toEqual([
			{ courseId: 'conflicts', dueOn: '2026-11-30', status: 'completed', scopeName: 'Министерство юстиции' },
			{ courseId: 'ethics', dueOn: '2026-12-10', status: 'in-progress', scopeName: 'Министерство юстиции' }
		]);

		expect(await services.organisations.withdraw(programmeAdmin, organisationId, conflicts.value.id)).toEqual({ ok: true, value: null });
		expect((await services.organisations.compliance(organisationId)).assignments.map((assignment) => assignment.courseId)).toEqual(['ethics']);
		expect(await services.organisations.withdraw(programmeAdmin, organisationId, conflicts.value.id)).toMatchObject({ ok: false });
		expect((await services.organisations.audit(organisationId)).map((entry) => entry.action)).toEqual(
			expect.arrayContaining(['organisation.created', 'members.imported', 'course.assigned', 'course.withdrawn'])
		);
	});
});
