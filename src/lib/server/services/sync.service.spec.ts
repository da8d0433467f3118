import { afterEach, describe, expect, it } from 'vitest';
import { foldCourseSummaries, type CourseSummary } from '$lib/progress/course-summary';
import type { CourseEvent } from '$lib/progress/course-events';
import { SYNC_PROTOCOL } from '$lib/progress/sync-protocol';
import { eventFactory } from '../../../../tests/support/course-events';
import { grantRole, servicesUnderTest, type ServicesUnderTest } from '../../../../tests/support/server-services';

const open: ServicesUnderTest[] = [];
afterEach(() => open.splice(0).forEach((services) => services.close()));

async function setup() {
	const services = servicesUnderTest();
	open.push(services);
	const signUp = async (login: string) => {
		const result = await services.auth.signUp({ login, password: 'long-enough-password' });
		if (!result.ok) throw new Error('sign-up');
		return { sessionId: 's', accountId: `account-of-${login}`, personId: result.value.personId, kind: 'profile' as const };
	};
	return { services, learner: await signUp('learner.one'), other: await signUp('learner.two'), events: eventFactory() };
}

const push = (services: ServicesUnderTest, session: Parameters<ServicesUnderTest['sync']['push']>[0], events: unknown[]) =>
	services.sync.push(session, { protocol: SYNC_PROTOCOL, deviceId: 'device-1', sentAt: '2026-11-26T09:59:58.000Z', events });

const storedSummary = (services: ServicesUnderTest, personId: string, courseId: string) =>
	JSON.parse(services.handle.sqlite.prepare('select summary from course_summaries where person_id = ? and course_id = ?').pluck().get(personId, courseId) as string) as CourseSummary;

describe('push', () => {
	it('stores each event exactly as sent, once, folds the summary and logs the change, acknowledging the whole batch', async () => {
		const { services, learner, events } = await setup();
		const batch = [events.lessonProgressed(learner.personId, 'ethics', 'l1'), events.lessonCompleted(learner.personId, 'ethics', 'l1')];
		const first = await push(services, learner, batch);
		expect(first).toEqual({ ok: true, value: { protocol: SYNC_PROTOCOL, acknowledged: 2, exceptions: [], serverTime: '2026-11-26T10:00:00.000Z' } });
		expect(services.handle.sqlite.prepare('select body from events order by id').pluck().all()).toEqual(batch.map((event) => JSON.stringify(event)));
		expect(services.handle.sqlite.prepare('select clock_offset_ms from events').pluck().get()).toBe(2000);
		expect(storedSummary(services, learner.personId, 'ethics')).toEqual(foldCourseSummaries(batch)[0]);
		expect(services.handle.sqlite.prepare('select partition, seq, entry_key from change_log').all()).toEqual([
			{ partition: `learner:${learner.personId}`, seq: 1, entry_key: `${learner.personId} ethics` }
		]);

		// The response was lost and the device sends the same batch again: nothing changes, both are duplicates.
		const again = await push(services, learner, batch);
		expect(again.ok && again.value.exceptions).toEqual(batch.map((event) => ({ id: event.id, status: 'duplicate' })));
		expect(services.count('events')).toBe(2);
		expect(services.count('change_log')).toBe(1);
	});

	it('marks a course completed when its mastery rule is met, and keeps the first completion time', async () => {
		const { services, learner, events } = await setup();
		await push(services, learner, [events.lessonCompleted(learner.personId, 'ethics', 'l1')]);
		expect(services.handle.sqlite.prepare('select completed_at from course_summaries').pluck().get()).toBeNull();
		services.clock.now += 60_000;
		await push(services, learner, [events.lessonCompleted(learner.personId, 'ethics', 'l2')]);
		services.clock.now += 60_000;
		await push(services, learner, [events.lessonProgressed(learner.personId, 'ethics', 'l2', 3)]);
		expect(services.handle.sqlite.prepare('select completed_at from course_summaries').pluck().get()).toBe('2026-11-26T10:01:00.000Z');
	});

	it("holds what it cannot apply, with reasons: another person's record, an unknown learner, an invalid event", async () => {
		const { services, learner, other, events } = await setup();
		const notMine = events.lessonCompleted(other.personId, 'ethics', 'l1');
		const unknown = events.lessonCompleted('0190aaaa-0000-7000-8000-000000000001', 'ethics', 'l1');
		const broken = { ...events.lessonCompleted(learner.personId, 'ethics', 'l1'), payload: { courseId: 'ethics' } };
		const garbage = 'not an event at all';
		const result = await push(services, learner, [notMine, unknown, broken, garbage]);
		expect(result.ok && result.value.acknowledged).toBe(4);
		expect(result.ok && result.value.exceptions).toEqual([
			{ id: notMine.id, status: 'rejected', reason: "not the sender's own record and no proof" },
			{ id: unknown.id, status: 'deferred', reason: 'unknown learner id: waiting for its registration' },
			{ id: broken.id, status: 'rejected', reason: expect.stringMatching(/^invalid: payload/) },
			{ id: expect.stringMatching(/^invalid-[0-9a-f]{32}$/), status: 'rejected', reason: expect.stringMatching(/^invalid/) }
		]);
		expect(services.count('events')).toBe(0);
		expect(services.count('held_events')).toBe(4);
		expect(services.count('course_summaries')).toBe(0);
		// Sent again (a lost response): still held, still four rows.
		await push(services, learner, [notMine, unknown, broken, garbage]);
		expect(services.count('held_events')).toBe(4);
	});

	it('counts events recorded under a guest id that became an alias for the person who owns it', async () => {
		const { services, learner, events } = await setup();
		const guestId = '0190bbbb-0000-7000-8000-000000000002';
		services.handle.sqlite
			.prepare("insert into person_aliases (alias_id, person_id, reason, created_at) values (?, ?, 'guest-merged-at-sign-in', '2026-11-26T00:00:00Z')")
			.run(guestId, learner.personId);
		await push(services, learner, [events.lessonCompleted(guestId, 'ethics', 'l1'), events.lessonCompleted(learner.personId, 'ethics', 'l2')]);
		expect(storedSummary(services, learner.personId, 'ethics')).toMatchObject({ subjectId: learner.personId, completedLessons: ['l1', 'l2'] });
		expect(services.handle.sqlite.prepare('select distinct subject_id from events order by subject_id').pluck().all()).toHaveLength(2);
	});

	it('settles deferred events once their learner id is known: counted at the next sync, each once, others still held', async () => {
		const { services, learner, events } = await setup();
		const guestId = '0190bbbb-0000-7000-8000-000000000003';
		const stillUnknown = '0190bbbb-0000-7000-8000-000000000004';
		const early = [events.lessonCompleted(guestId, 'ethics', 'l1'), events.lessonCompleted(stillUnknown, 'ethics', 'l2')];
		const first = await push(services, learner, early);
		expect(first.ok && first.value.exceptions.map((exception) => exception.status)).toEqual(['deferred', 'deferred']);
		expect(services.count('course_summaries')).toBe(0);

		// The guest id becomes the learner's alias (sign-in adopting it); the device has nothing left to send, it only pulls.
		services.handle.sqlite
			.prepare("insert into person_aliases (alias_id, person_id, reason, created_at) values (?, ?, 'guest-merged-at-sign-in', '2026-11-26T00:00:00Z')")
			.run(guestId, learner.personId);
		const pulled = await services.sync.pull(learner, { protocol: SYNC_PROTOCOL, cursors: {} });
		expect(pulled.ok && pulled.value.partitions[0]?.summaries).toEqual([expect.objectContaining({ subjectId: learner.personId, completedLessons: ['l1'] })]);
		expect(services.handle.sqlite.prepare('select event_id as id, resolved_at is not null as resolved from held_events order by event_id').all()).toEqual([
			{ id: early[0]!.id, resolved: 1 },
			{ id: early[1]!.id, resolved: 0 }
		]);

		// A resend of the same batch and another pull change nothing: the settled event is a duplicate now.
		const again = await push(services, learner, early);
		expect(again.ok && again.value.exceptions.map((exception) => exception.status)).toEqual(['duplicate', 'deferred']);
		await services.sync.pull(learner, { protocol: SYNC_PROTOCOL, cursors: {} });
		expect(services.count('events')).toBe(1);
		expect(storedSummary(services, learner.personId, 'ethics')).toMatchObject({ completedLessons: ['l1'] });
	});

	it("settles a deferred event as rejected when its learner id turns out to be someone else's", async () => {
		const { services, learner, other, events } = await setup();
		const guestId = '0190bbbb-0000-7000-8000-000000000005';
		await push(services, learner, [events.lessonCompleted(guestId, 'ethics', 'l1')]);
		services.handle.sqlite
			.prepare("insert into person_aliases (alias_id, person_id, reason, created_at) values (?, ?, 'guest-merged-at-sign-in', '2026-11-26T00:00:00Z')")
			.run(guestId, other.personId);
		await services.sync.pull(learner, { protocol: SYNC_PROTOCOL, cursors: {} });
		expect(services.handle.sqlite.prepare('select status, reason, resolved_at from held_events').get()).toEqual({ status: 'rejected', reason: "not the sender's own record and no proof", resolved_at: null });
		expect(services.count('events')).toBe(0);
	});

	it('grades a final test itself: a claimed pass with wrong answers does not pass', async () => {
		const { services, learner, events } = await setup();
		const claimed = events.testSubmitted(learner.personId, 'conflicts', {
			questionIds: ['q1', 'q2'],
			answers: { q1: { kind: 'true-false', value: false }, q2: { kind: 'true-false', value: true } },
			scorePercent: 100,
			passed: true
		});
		await push(services, learner, [claimed]);
		expect(storedSummary(services, learner.personId, 'conflicts')).toMatchObject({ quizPassed: false, bestScorePercent: 0 });
		// The body stays as the device sent it: the claim is evidence of what the phone showed.
		expect(JSON.parse(services.handle.sqlite.prepare('select body from events').pluck().get() as string).payload.passed).toBe(true);
	});

	it('gives the same summary whatever order and batching the events arrive in', async () => {
		const { services, learner, events } = await setup();
		const all: CourseEvent[] = [
			events.lessonProgressed(learner.personId, 'ethics', 'l1', 2),
			events.questionAnswered(learner.personId, 'ethics', 'l1', 'q1', false),
			events.questionAnswered(learner.personId, 'ethics', 'l1', 'q1', true),
			events.lessonCompleted(learner.personId, 'ethics', 'l1'),
			events.lessonProgressed(learner.personId, 'ethics', 'l2', 1)
		];
		await push(services, learner, [all[4], all[2]]);
		await push(services, learner, [all[0], all[4], all[3]]);
		await push(services, learner, [all[1]]);
		expect(storedSummary(services, learner.personId, 'ethics')).toEqual(foldCourseSummaries(all)[0]);
	});

	it('asks a client that speaks an older protocol to update, storing nothing', async () => {
		const { services, learner, events } = await setup();
		const result = await services.sync.push(learner, { protocol: 0, deviceId: 'd', sentAt: '2026-11-26T10:00:00Z', events: [events.lessonCompleted(learner.personId, 'ethics', 'l1')] });
		expect(result).toEqual({ ok: false, failure: { code: 'client-outdated', oldestSupported: 1 } });
		expect(services.count('events')).toBe(0);
	});
});

describe('push of quest and mini-game events', () => {
	const PLAY = '0190aaaa-0000-7000-8000-0000000000a1';
	const CLASS_PLAY = '0190aaaa-0000-7000-8000-0000000000a2';
	const choiceCounts = (services: ServicesUnderTest) =>
		services.handle.sqlite.prepare('select node_id as node, choice_id as choice, count from quest_choice_counts order by node_id, choice_id').all();

	it("stores a learner's game events beside their course events, touches no course summary, and counts each choice once", async () => {
		const { services, learner, events } = await setup();
		const me = { kind: 'learner' as const, id: learner.personId };
		const batch = [
			events.questStarted(me, 'exam-envelope', PLAY),
			events.questChoice(me, 'exam-envelope', PLAY, 'collection', 'pay', 1),
			events.miniGameRound(learner.personId, 'gift-or-bribe', PLAY, 8)
		];
		const first = await push(services, learner, batch);
		expect(first.ok && first.value.exceptions).toEqual([]);
		expect(services.handle.sqlite.prepare('select type, person_id as person, course_id as course from events order by id').all()).toEqual([
			{ type: 'quest.started', person: learner.personId, course: null },
			{ type: 'quest.choice', person: learner.personId, course: null },
			{ type: 'minigame.round', person: learner.personId, course: null }
		]);
		expect(services.count('course_summaries')).toBe(0);
		expect(services.count('change_log')).toBe(0);
		expect(choiceCounts(services)).toEqual([{ node: 'collection', choice: 'pay', count: 1 }]);

		// The response was lost and the batch comes again: the counts do not move.
		await push(services, learner, batch);
		expect(choiceCounts(services)).toEqual([{ node: 'collection', choice: 'pay', count: 1 }]);
		expect(services.handle.sqlite.prepare('select plays from quest_play_counts').pluck().get()).toBe(1);
	});

	it("accepts a class's teacher-led play only from a teacher of that class who names themself as recorder", async () => {
		const { services, learner, events } = await setup();
		services.handle.sqlite.prepare("insert into people (id, created_at) values ('teacher-person', '2026-01-01T00:00:00Z')").run();
		grantRole(services, 'teacher-person', 'teacher', 'class', 'class-7a');
		const teacher = { sessionId: 's', accountId: 'teacher-account', personId: 'teacher-person', kind: 'profile' as const };
		const classSubject = { kind: 'class' as const, id: 'class-7a' };
		const byTeacher = events.questChoice(classSubject, 'exam-envelope', CLASS_PLAY, 'collection', 'refuse', 1, 'teacher-person');
		const unsigned = events.questChoice(classSubject, 'exam-envelope', CLASS_PLAY, 'director', 'speak', 2);
		const otherClass = events.questChoice({ kind: 'class', id: 'class-8b' }, 'exam-envelope', CLASS_PLAY, 'collection', 'pay', 1, 'teacher-person');
		const result = await push(services, teacher, [byTeacher, unsigned, otherClass]);
		expect(result.ok && result.value.exceptions).toEqual([
			{ id: unsigned.id, status: 'rejected', reason: 'a class record must name the teacher in recordedBy' },
			{ id: otherClass.id, status: 'rejected', reason: 'not a teacher of this class' }
		]);
		expect(services.handle.sqlite.prepare('select subject_kind as kind, subject_id as subject, person_id as person from events').all()).toEqual([
			{ kind: 'class', subject: 'class-7a', person: null }
		]);
		// A learner is no teacher: the same class record from them is refused.
		const fromPupil = events.questChoice(classSubject, 'exam-envelope', CLASS_PLAY, 'director', 'speak', 2, learner.personId);
		const refused = await push(services, learner, [fromPupil]);
		expect(refused.ok && refused.value.exceptions).toEqual([{ id: fromPupil.id, status: 'rejected', reason: 'not a teacher of this class' }]);
		expect(choiceCounts(services)).toEqual([{ node: 'collection', choice: 'refuse', count: 1 }]);
	});

	it('rejects a game event with a bad payload and an unknown event type, naming the field', async () => {
		const { services, learner, events } = await setup();
		const round = events.miniGameRound(learner.personId, 'gift-or-bribe', PLAY, 8) as Extract<ReturnType<typeof events.miniGameRound>, { type: 'minigame.round' }>;
		const overScored = { ...round, payload: { ...round.payload, score: 11 } };
		const unknownType = { ...round, id: '0190aaaa-0000-7000-8000-0000000000b9', type: 'quest.cheated' };
		const result = await push(services, learner, [overScored, unknownType]);
		expect(result.ok && result.value.exceptions).toEqual([
			{ id: overScored.id, status: 'rejected', reason: 'invalid: payload.score: score is at most maxScore' },
			{ id: unknownType.id, status: 'rejected', reason: 'invalid: type: not an event type this server knows' }
		]);
		expect(services.count('events')).toBe(0);
	});
});

describe('pull', () => {
	it("gives a learner their own summaries from a cursor, and a teacher their class's, never another class's", async () => {
		const { services, learner, other, events } = await setup();
		grantRole(services, learner.personId, 'learner', 'class', 'class-7a');
		grantRole(services, other.personId, 'learner', 'class', 'class-8b');
		const teacher = { sessionId: 's', accountId: 't', personId: 'teacher-person', kind: 'profile' as const };
		services.handle.sqlite.prepare("insert into people (id, created_at) values ('teacher-person', '2026-01-01T00:00:00Z')").run();
		grantRole(services, teacher.personId, 'teacher', 'class', 'class-7a');
		await push(services, learner, [events.lessonCompleted(learner.personId, 'ethics', 'l1')]);
		await push(services, other, [events.lessonCompleted(other.personId, 'ethics', 'l1')]);

		const mine = await services.sync.pull(learner, { protocol: SYNC_PROTOCOL, cursors: {} });
		expect(mine.ok && mine.value.partitions).toEqual([
			{ partition: `learner:${learner.personId}`, cursor: 1, more: false, summaries: [expect.objectContaining({ subjectId: learner.personId, completedLessons: ['l1'] })] }
		]);
		const nothingNew = await services.sync.pull(learner, { protocol: SYNC_PROTOCOL, cursors: { [`learner:${learner.personId}`]: 1 } });
		expect(nothingNew.ok && nothingNew.value).toMatchObject({ partitions: [], readable: [`learner:${learner.personId}`] });

		const classView = await services.sync.pull(teacher, { protocol: SYNC_PROTOCOL, cursors: {} });
		expect(classView.ok && classView.value.readable).toEqual(['learner:teacher-person', 'class:class-7a']);
		expect(classView.ok && classView.value.partitions.map((partition) => [partition.partition, partition.summaries.map((summary) => summary.subjectId)])).toEqual([
			['class:class-7a', [learner.personId]]
		]);
	});

	it('pages a long log and never moves a cursor past what it sent', async () => {
		const { services, learner, events } = await setup();
		for (const courseId of ['ethics', 'conflicts', 'third']) await push(services, learner, [events.lessonCompleted(learner.personId, courseId, 'l1')]);
		const partition = `learner:${learner.personId}`;
		const first = await services.sync.pull(learner, { protocol: SYNC_PROTOCOL, cursors: {}, limit: 2 });
		expect(first.ok && first.value.partitions[0]).toMatchObject({ cursor: 2, more: true });
		expect(first.ok && first.value.partitions[0]!.summaries.map((summary) => summary.courseId)).toEqual(['ethics', 'conflicts']);
		const second = await services.sync.pull(learner, { protocol: SYNC_PROTOCOL, cursors: { [partition]: 2 }, limit: 2 });
		expect(second.ok && second.value.partitions[0]).toMatchObject({ cursor: 3, more: false, summaries: [expect.objectContaining({ courseId: 'third' })] });
	});

	it("logs a newcomer's existing summaries into the organisation they join, so its administrator's device sees them", async () => {
		const { services, learner, events } = await setup();
		await push(services, learner, [events.lessonCompleted(learner.personId, 'ethics', 'l1')]);
		const admin = { sessionId: 's', accountId: 'a', personId: 'org-admin-person', kind: 'profile' as const };
		services.handle.sqlite.prepare("insert into people (id, created_at) values ('org-admin-person', '2026-01-01T00:00:00Z')").run();
		const organisation = await services.organisations.create(admin, { name: 'Тест уюму', kind: 'agency', regionCode: 'talas' });
		if (!organisation.ok) throw new Error('organisation');
		grantRole(services, admin.personId, 'org-admin', 'organisation', organisation.value.id);
		const before = await services.sync.pull(admin, { protocol: SYNC_PROTOCOL, cursors: {} });
		expect(before.ok && before.value.partitions).toEqual([]);
		await services.organisations.addMember(admin, organisation.value.id, { displayName: 'Бар адам', login: 'learner.one' });
		const after = await services.sync.pull(admin, { protocol: SYNC_PROTOCOL, cursors: {} });
		expect(after.ok && after.value.partitions).toEqual([
			{ partition: `organisation:${organisation.value.id}`, cursor: 1, more: false, summaries: [expect.objectContaining({ subjectId: learner.personId })] }
		]);
	});
});
