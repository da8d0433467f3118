import { afterEach, describe, expect, it } from 'vitest';
import { SYNC_PROTOCOL } from '$lib/progress/sync-protocol';
import { eventFactory } from '../../../../tests/support/course-events';
import { grantRole, servicesUnderTest, TEST_ANSWER_KEYS, TEST_CATALOGUE, type ServicesUnderTest } from '../../../../tests/support/server-services';
import { createSummariesRebuildRepo } from '../repos/summaries-rebuild.repo';
import { createCourseFold } from './course-fold';
import { createSummariesRebuildService } from './summaries-rebuild.service';

const open: ServicesUnderTest[] = [];
afterEach(() => open.splice(0).forEach((services) => services.close()));

type Session = Parameters<ServicesUnderTest['sync']['push']>[0];

/** Two learners' progress in two courses, pushed in several batches a minute apart, as ingest folds it. */
async function ingested() {
	const services = servicesUnderTest();
	open.push(services);
	const signUp = async (login: string): Promise<Session> => {
		const result = await services.auth.signUp({ login, password: 'long-enough-password' });
		if (!result.ok) throw new Error('sign-up');
		return { sessionId: 's', accountId: `account-of-${login}`, personId: result.value.personId, kind: 'profile' };
	};
	const [ana, bek] = [await signUp('ana'), await signUp('bek')];
	grantRole(services, ana.personId, 'learner', 'class', 'class-7a');
	const guestId = '0190bbbb-0000-7000-8000-000000000002';
	services.handle.sqlite
		.prepare("insert into person_aliases (alias_id, person_id, reason, created_at) values (?, ?, 'guest-merged-at-sign-in', '2026-11-26T00:00:00Z')")
		.run(guestId, ana.personId);
	const events = eventFactory();
	const push = async (session: Session, batch: unknown[]) => {
		await services.sync.push(session, { protocol: SYNC_PROTOCOL, deviceId: 'device-1', sentAt: new Date(services.clock.now).toISOString(), events: batch });
		services.clock.now += 60_000;
	};
	await push(ana, [events.lessonProgressed(guestId, 'ethics', 'l1', 2), events.questionAnswered(ana.personId, 'ethics', 'l1', 'q1', false)]);
	await push(ana, [events.lessonCompleted(guestId, 'ethics', 'l1'), events.questionAnswered(ana.personId, 'ethics', 'l1', 'q1', true)]);
	await push(ana, [events.lessonCompleted(ana.personId, 'ethics', 'l2')]);
	await push(ana, [events.lessonProgressed(ana.personId, 'ethics', 'l2', 4)]);
	const rightAnswers = { q1: { kind: 'true-false' as const, value: true }, q2: { kind: 'true-false' as const, value: false } };
	// A claimed pass that the server grades as a fail, then a real pass.
	await push(bek, [events.testSubmitted(bek.personId, 'conflicts', { questionIds: ['q1', 'q2'], answers: { q1: { kind: 'true-false', value: false } }, passed: true })]);
	await push(bek, [events.testSubmitted(bek.personId, 'conflicts', { questionIds: ['q1', 'q2'], answers: rightAnswers, scorePercent: 0, passed: false })]);
	await push(bek, [events.lessonCompleted(bek.personId, 'ethics', 'l1')]);

	const rebuild = createSummariesRebuildService({
		summaries: createSummariesRebuildRepo(services.handle.sqlite),
		fold: createCourseFold({ catalogue: TEST_CATALOGUE, answerKeys: TEST_ANSWER_KEYS }),
		now: () => new Date(services.clock.now)
	});
	return { services, ana, bek, rebuild };
}

type Row = { person_id: string; course_id: string; rule_version: number; summary: string; completed_at: string | null };
const rows = (services: ServicesUnderTest) =>
	(services.handle.sqlite.prepare('select person_id, course_id, rule_version, summary, completed_at from course_summaries order by person_id, course_id').all() as Row[]).map(
		(row) => ({ ...row, summary: JSON.parse(row.summary) as unknown })
	);

describe('summaries:rebuild', () => {
	it('restores corrupted, outdated and missing summaries to exactly what ingest made, and logs each change for the devices', async () => {
		const { services, ana, bek, rebuild } = await ingested();
		const asIngested = rows(services);
		expect(asIngested).toHaveLength(3);
		const sql = services.handle.sqlite;
		sql.prepare("update course_summaries set summary = json_set(summary, '$.completedLessons', json('[]'), '$.bestScorePercent', 100) where person_id = ? and course_id = 'ethics'").run(ana.personId);
		sql.prepare("update course_summaries set rule_version = 0, summary = json_set(summary, '$.ruleVersion', 0, '$.quizPassed', json('false')) where person_id = ? and course_id = 'conflicts'").run(bek.personId);
		sql.prepare("delete from course_summaries where person_id = ? and course_id = 'ethics'").run(bek.personId);
		const logged = services.count('change_log');

		const report = await rebuild.rebuildAll();

		expect(rows(services)).toEqual(asIngested);
		expect(report).toMatchObject({ summaries: 3, events: 9, created: 1, changed: 2, unchanged: 0, withoutEvents: 0 });
		// Ana's summary shows in her own partition and her class's; Bek's two in his own.
		expect(sql.prepare('select partition, entry_key from change_log where rowid > ? order by partition, entry_key').all(logged)).toEqual(
			[
				{ partition: 'class:class-7a', entry_key: `${ana.personId} ethics` },
				{ partition: `learner:${ana.personId}`, entry_key: `${ana.personId} ethics` },
				{ partition: `learner:${bek.personId}`, entry_key: `${bek.personId} conflicts` },
				{ partition: `learner:${bek.personId}`, entry_key: `${bek.personId} ethics` }
			].sort((a, b) => a.partition.localeCompare(b.partition) || a.entry_key.localeCompare(b.entry_key))
		);
	});

	it('changes nothing when run again, or on summaries ingest keeps up to date', async () => {
		const { services, rebuild } = await ingested();
		const before = services.handle.sqlite.prepare('select * from course_summaries order by person_id, course_id').all();
		const logged = services.count('change_log');
		expect(await rebuild.rebuildAll()).toMatchObject({ summaries: 3, created: 0, changed: 0, unchanged: 3 });
		expect(await rebuild.rebuildAll({ pageSize: 1 })).toMatchObject({ summaries: 3, changed: 0, transactions: 3 });
		expect(services.handle.sqlite.prepare('select * from course_summaries order by person_id, course_id').all()).toEqual(before);
		expect(services.count('change_log')).toBe(logged);
	});

	it('dates a completion the server missed at the batch that first mastered the course, and keeps a completion already given', async () => {
		const { services, ana, bek, rebuild } = await ingested();
		const completedAt = (personId: string, courseId: string) =>
			services.handle.sqlite.prepare('select completed_at from course_summaries where person_id = ? and course_id = ?').pluck().get(personId, courseId);
		// As ingest recorded them: Ana mastered ethics with l2 (third batch), Bek passed at his second attempt.
		expect(completedAt(ana.personId, 'ethics')).toBe('2026-11-26T10:02:00.000Z');
		expect(completedAt(bek.personId, 'conflicts')).toBe('2026-11-26T10:05:00.000Z');
		services.handle.sqlite.prepare('update course_summaries set completed_at = null').run();
		services.handle.sqlite.prepare("update course_summaries set completed_at = '2026-11-01T00:00:00.000Z' where person_id = ? and course_id = 'ethics'").run(bek.personId);

		const report = await rebuild.rebuildAll();

		expect(completedAt(ana.personId, 'ethics')).toBe('2026-11-26T10:02:00.000Z');
		expect(completedAt(bek.personId, 'conflicts')).toBe('2026-11-26T10:05:00.000Z');
		// Bek has completed one lesson of two: not mastered now, but the date a report once showed stays.
		expect(completedAt(bek.personId, 'ethics')).toBe('2026-11-01T00:00:00.000Z');
		expect(report).toMatchObject({ changed: 2, completedAtSet: 2, completedAtKeptUnmastered: 1 });
	});

	it('walks in pages of any size to the same result, and leaves summaries without events alone', async () => {
		const { services, rebuild } = await ingested();
		const asIngested = rows(services);
		services.handle.sqlite.prepare("update course_summaries set summary = json_set(summary, '$.startedLessons', json('[\"x\"]'))").run();
		services.handle.sqlite
			.prepare("insert into course_summaries (person_id, course_id, rule_version, summary, updated_at) values ('nobody', 'ethics', 1, '{}', '2026-11-26T00:00:00Z')")
			.run();
		const report = await rebuild.rebuildAll({ pageSize: 2 });
		expect(report).toMatchObject({ summaries: 3, changed: 3, transactions: 2, withoutEvents: 1 });
		expect(rows(services).filter((row) => row.person_id !== 'nobody')).toEqual(asIngested);
		expect(services.count('course_summaries')).toBe(4);
	});
});
