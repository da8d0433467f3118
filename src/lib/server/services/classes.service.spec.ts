import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isJoinCode } from '$lib/identity/join-code';
import { seededRandom } from '$lib/utils/seeded-random';
import { openDatabase, type DatabaseHandle } from '../db/connection';
import { createMembershipsRepo } from '../repos/memberships.repo';
import { createOrganisationsRepo } from '../repos/organisations.repo';
import { TEST_CATALOGUE } from '../../../../tests/support/server-services';
import { createClassesService } from './classes.service';

const opened: { handle: DatabaseHandle; dir: string }[] = [];
afterEach(() => {
	for (const { handle, dir } of opened.splice(0)) {
		handle.sqlite.close();
		rmSync(dir, { recursive: true, force: true });
	}
});

function setup(random = seededRandom(1)) {
	const dir = mkdtempSync(path.join(tmpdir(), 'taza-classes-'));
	const handle = openDatabase({ dataDir: dir, databaseFile: path.join(dir, 'taza.db'), migrationsDir: path.resolve('drizzle') });
	opened.push({ handle, dir });
	handle.sqlite.prepare("insert into people (id, created_at) values ('teacher-1', '2026-01-01T00:00:00Z')").run();
	let n = 0;
	const classes = createClassesService({
		memberships: createMembershipsRepo(handle.db),
		organisations: createOrganisationsRepo(handle.db),
		catalogue: TEST_CATALOGUE,
		newId: () => `id-${++n}`,
		random,
		now: () => new Date('2026-09-01T08:00:00Z')
	});
	return { classes, handle };
}

const teacher = { sessionId: 's', accountId: 'a', personId: 'teacher-1', kind: 'cookie' as const };

describe('opening a class', () => {
	it('makes the opener its teacher and gives it a readable join code', async () => {
		const { classes, handle } = setup();
		const result = await classes.open(teacher, { name: ' 7-А ' });
		expect(result.ok && result.class.name).toBe('7-А');
		expect(result.ok && isJoinCode(result.class.joinCode)).toBe(true);
		expect(handle.sqlite.prepare('select role, scope_kind, valid_to from memberships').get()).toEqual({ role: 'teacher', scope_kind: 'class', valid_to: null });
		expect((await classes.mine(teacher)).map((taught) => taught.name)).toEqual(['7-А']);
		expect(await classes.mine({ ...teacher, personId: 'someone-else' })).toEqual([]);
	});

	it('draws another code when one is taken', async () => {
		const { classes } = setup(() => 0); // every draw gives AAAAAA at first …
		const first = await classes.open(teacher, { name: '7-А' });
		expect(first.ok && first.class.joinCode).toBe('AAAAAA');
		let draws = 0;
		const { classes: second, handle } = setup(() => (draws++ < 6 ? 0 : 0.5));
		handle.sqlite.prepare("insert into classes (id, name, join_code, created_at) values ('x', 'x', 'AAAAAA', '2026-01-01')").run();
		const result = await second.open(teacher, { name: '8-Б' });
		expect(result.ok && result.class.joinCode).not.toBe('AAAAAA');
	});

	it('refuses an empty name and writes nothing', async () => {
		const { classes, handle } = setup();
		expect(await classes.open(teacher, { name: '   ' })).toEqual({ ok: false, code: 'name-invalid' });
		expect(handle.sqlite.prepare('select count(*) from classes').pluck().get()).toBe(0);
	});
});

describe('a class\'s assigned courses', () => {
	it('are assigned with an optional due date, show in the grid per learner, and can be withdrawn', async () => {
		const { classes, handle } = setup();
		const opened = await classes.open(teacher, { name: '7-А' });
		if (!opened.ok) throw new Error('open');
		const classId = opened.class.id;
		handle.sqlite.prepare("insert into people (id, created_at) values ('pupil-1', '2026-01-01T00:00:00Z')").run();
		handle.sqlite.prepare("insert into person_details (person_id, display_name) values ('pupil-1', 'Айбек')").run();
		handle.sqlite
			.prepare("insert into memberships (id, person_id, role, scope_kind, scope_id, valid_from, created_at) values ('m-p1', 'pupil-1', 'learner', 'class', ?, '2026-09-01T00:00:00Z', '2026-09-01T00:00:00Z')")
			.run(classId);
		const assigned = await classes.assign(teacher, classId, { courseId: 'ethics' });
		expect(assigned.ok).toBe(true);
		expect(await classes.assign(teacher, classId, { courseId: 'conflicts', dueOn: '2026-09-30' })).toMatchObject({ ok: true });
		expect(await classes.assign(teacher, classId, { courseId: 'ethics' })).toMatchObject({ ok: false, failure: { code: 'already-assigned' } });
		const progress = await classes.progress(classId);
		expect(progress.assignments.map((assignment) => [assignment.courseId, assignment.dueOn])).toEqual([
			['ethics', null],
			['conflicts', '2026-09-30']
		]);
		expect(progress.learners).toEqual([
			{ personId: 'pupil-1', displayName: 'Айбек', statuses: progress.assignments.map((assignment) => ({ assignmentId: assignment.id, status: 'not-started', completedAt: null })) }
		]);
		expect(assigned.ok && (await classes.withdraw(teacher, classId, assigned.value.id))).toBe(true);
		expect((await classes.progress(classId)).assignments.map((assignment) => assignment.courseId)).toEqual(['conflicts']);
		expect(handle.sqlite.prepare("select count(*) from audit_log where scope_kind = 'class' and scope_id = ?").pluck().get(classId)).toBe(4);
	});
});
