import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { foldCourseSummaries } from '$lib/progress/course-summary';
import { TazaLocalDatabase } from './database';
import { ensureLocalIdentity } from './local-identity';
import { createProgressRepo } from './progress.repo';
import { createSettingsRepo } from './settings.repo';

const databases: TazaLocalDatabase[] = [];
afterEach(async () => Promise.all(databases.splice(0).map((db) => db.delete())));

function setup() {
	const db = new TazaLocalDatabase(`progress-${Math.random()}`);
	databases.push(db);
	let n = 0;
	const newId = () => `0190b5a0-0000-7000-8000-${String(++n).padStart(12, '0')}`;
	let clock = Date.parse('2026-11-26T10:00:00Z');
	const now = () => new Date((clock += 1000));
	return { db, repo: createProgressRepo(db, { deviceId: 'device-1', newId, now }), newId };
}

const learner = { kind: 'learner' as const, id: 'learner-1' };
const lesson = { courseId: 'c', lessonId: 'l1', lessonVersion: 'v1' };

describe('recording progress', () => {
	it('stores each event with a device counter and keeps the summary equal to the fold of the events', async () => {
		const { repo } = setup();
		await repo.record(learner, { type: 'lesson.progressed', payload: { ...lesson, courseVersion: 'cv', blockId: 'b2', blockIndex: 1 } });
		await repo.record(learner, {
			type: 'question.answered',
			payload: { ...lesson, questionId: 'q1', answer: { kind: 'true-false', value: false }, correct: true }
		});
		await repo.record(learner, { type: 'lesson.completed', payload: lesson });

		const events = await repo.events('learner-1', 'c');
		expect(events.map((event) => event.deviceSeq)).toEqual([1, 2, 3]);
		expect(events.every((event) => event.deviceId === 'device-1' && event.v === 1)).toBe(true);
		const summary = await repo.summary('learner-1', 'c');
		expect(summary).toEqual(foldCourseSummaries(events)[0]);
		expect(summary).toMatchObject({ completedLessons: ['l1'], correctQuestions: ['q1'], resume: { blockId: 'b2', blockIndex: 1 } });
	});

	it('writes nothing when the event cannot be stored', async () => {
		const { db, repo } = setup();
		await db.events.add({ id: '0190b5a0-0000-7000-8000-000000000001' } as never);
		await expect(repo.record(learner, { type: 'lesson.completed', payload: lesson })).rejects.toThrow();
		expect(await repo.summary('learner-1', 'c')).toBeUndefined();
		expect(await db.settings.get('deviceSeq:device-1:learner-1')).toBeUndefined();
	});
});

describe('the local identity', () => {
	it('is created once and then kept', async () => {
		const { db, newId } = setup();
		const settings = createSettingsRepo(db);
		const first = await ensureLocalIdentity(settings, newId);
		expect(await ensureLocalIdentity(settings, newId)).toEqual(first);
		expect(first.deviceSecret).toMatch(/^[\w-]{43}$/);
	});
});

describe('recording quest and mini-game events', () => {
	const play = { questId: 'exam-envelope', questVersion: 'abcdef12', playId: '0190b5a0-0000-7000-8000-0000000000ff' };

	it("queues a learner's game events under their own id, touches no course summary, and reads them back per quest", async () => {
		const { db, repo } = setup();
		await repo.recordGameEvent(learner, { type: 'quest.started', payload: { ...play, seed: 3, mode: 'solo' } });
		await repo.recordGameEvent(learner, { type: 'quest.choice', payload: { ...play, nodeId: 'collection', choiceId: 'refuse', step: 1 } });
		await repo.recordGameEvent(learner, {
			type: 'minigame.round',
			payload: { gameId: 'gift-or-bribe', gameVersion: 'abcdef12', playId: play.playId, level: 1, mode: 'timed', score: 5, maxScore: 8, passed: false, answers: [] }
		});
		expect((await repo.gameEvents('learner-1', 'exam-envelope')).map((event) => [event.type, event.deviceSeq])).toEqual([
			['quest.started', 1],
			['quest.choice', 2]
		]);
		expect((await repo.gameEvents('learner-1', 'gift-or-bribe')).map((event) => event.type)).toEqual(['minigame.round']);
		expect(await db.summaries.count()).toBe(0);
		expect((await db.outbox.toArray()).map((row) => row.subjectId)).toEqual(['learner-1', 'learner-1', 'learner-1']);
	});

	it("queues a class's teacher-led play for the teacher's profile to push, naming the teacher as recorder", async () => {
		const { db, repo } = setup();
		const event = await repo.recordGameEvent({ kind: 'class', id: 'class-7a' }, { type: 'quest.choice', payload: { ...play, nodeId: 'collection', choiceId: 'refuse', step: 1, votes: { refuse: 17, pay: 9 } } }, 'teacher-1');
		expect(event).toMatchObject({ subject: { kind: 'class', id: 'class-7a' }, recordedBy: 'teacher-1', deviceSeq: 1 });
		expect(await db.outbox.toArray()).toEqual([expect.objectContaining({ id: event.id, subjectId: 'teacher-1' })]);
	});
});

describe('a summary left by an older rule', () => {
	it('is folded again from the events before an event joins it, and when it is read', async () => {
		const { db, repo } = setup();
		await repo.record(learner, { type: 'lesson.completed', payload: lesson });
		// An older app version left this summary: its rule is not this one, so it cannot be joined as it is.
		const stale = { ...(await repo.summary('learner-1', 'c'))!, ruleVersion: 0, completedLessons: ['from-the-old-rule'] };
		await db.summaries.put(stale);
		expect(await repo.summaryOf(['learner-1'], 'c')).toMatchObject({ ruleVersion: 1, completedLessons: ['l1'] });

		await db.summaries.put(stale);
		await repo.record(learner, { type: 'lesson.completed', payload: { ...lesson, lessonId: 'l2' } });
		const summary = await repo.summary('learner-1', 'c');
		expect(summary).toEqual(foldCourseSummaries(await repo.events('learner-1', 'c'))[0]);
		expect(summary?.completedLessons).toEqual(['l1', 'l2']);
	});
});
