import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyCourseSummary } from '$lib/progress/course-summary';
import { TazaLocalDatabase } from './database';
import { createProgressRepo } from './progress.repo';
import { createSyncStateRepo } from './sync-state.repo';

const databases: Dexie[] = [];
afterEach(async () => Promise.all(databases.splice(0).map((db) => db.delete())));

function open(name = `sync-state-${Math.random()}`) {
	const db = new TazaLocalDatabase(name);
	databases.push(db);
	let n = 0;
	const progress = createProgressRepo(db, { deviceId: 'device-1', newId: () => `0190b5a0-0000-7000-8000-${String(++n).padStart(12, '0')}`, now: () => new Date('2026-11-26T10:00:00Z') });
	return { db, progress, state: createSyncStateRepo(db, () => new Date('2026-11-26T11:00:00Z')) };
}

const lessonDone = { type: 'lesson.completed' as const, payload: { courseId: 'c', lessonId: 'l1', lessonVersion: 'abcdef12' } };

describe('the device side of sync', () => {
	it('queues every recorded event in the same transaction, and only an acknowledgement takes it off the queue', async () => {
		const { db, progress, state } = open();
		const first = await progress.record({ kind: 'learner', id: 'p1' }, lessonDone);
		const second = await progress.record({ kind: 'learner', id: 'guest-of-p1' }, lessonDone);
		await progress.record({ kind: 'learner', id: 'someone-else' }, lessonDone);
		expect((await state.pending(['p1', 'guest-of-p1'], 10)).map((item) => item.event.id)).toEqual([first.id, second.id]);
		await state.acknowledge([first.id]);
		expect((await state.pending(['p1', 'guest-of-p1'], 10)).map((item) => item.event.id)).toEqual([second.id]);
		// The event itself is never removed.
		expect(await db.events.count()).toBe(3);
		expect(await state.status()).toMatchObject({ waiting: 2, lastSyncedAt: '2026-11-26T11:00:00.000Z' });
	});

	it('applies a pulled page and its cursor together, and ignores a page from before what it already applied', async () => {
		const { db, state } = open();
		const summary = { ...emptyCourseSummary('p1', 'c'), completedLessons: ['l1'] };
		await state.applyPulledPage({ profileId: 'p1', ownPartition: 'learner:p1', partition: 'learner:p1', cursor: 5, summaries: [summary] });
		await state.applyPulledPage({ profileId: 'p1', ownPartition: 'learner:p1', partition: 'class:7a', cursor: 2, summaries: [{ ...emptyCourseSummary('pupil', 'c'), startedLessons: ['l2'] }] });
		expect(await state.cursors('p1')).toEqual({ 'learner:p1': 5, 'class:7a': 2 });
		expect((await db.summaries.get(['p1', 'c']))?.completedLessons).toEqual(['l1']);
		expect((await state.pulledSummaries('p1', 'class:7a')).map((pulled) => pulled.subjectId)).toEqual(['pupil']);
		// An older page arriving late (a reordered answer) moves nothing back.
		await state.applyPulledPage({ profileId: 'p1', ownPartition: 'learner:p1', partition: 'learner:p1', cursor: 3, summaries: [emptyCourseSummary('p1', 'other')] });
		expect(await state.cursors('p1')).toMatchObject({ 'learner:p1': 5 });
		expect(await db.summaries.get(['p1', 'other'])).toBeUndefined();
		// A class no longer readable is forgotten, cursor and copies.
		await state.forgetPartitions('p1', ['learner:p1']);
		expect(await state.cursors('p1')).toEqual({ 'learner:p1': 5 });
		expect(await state.pulledSummaries('p1', 'class:7a')).toEqual([]);
	});

	it("joins a pulled summary with this device's own progress even when an older app version left the local summary", async () => {
		const { db, progress, state } = open();
		await progress.record({ kind: 'learner', id: 'p1' }, lessonDone);
		await db.summaries.update(['p1', 'c'], { ruleVersion: 0 });
		const fromServer = { ...emptyCourseSummary('p1', 'c'), completedLessons: ['l2'] };
		await state.applyPulledPage({ profileId: 'p1', ownPartition: 'learner:p1', partition: 'learner:p1', cursor: 1, summaries: [fromServer] });
		expect(await db.summaries.get(['p1', 'c'])).toMatchObject({ ruleVersion: 1, completedLessons: ['l1', 'l2'] });
	});

	it('queues the events recorded before sync existed when the database upgrades to version 4', async () => {
		const name = `upgrade-v4-${Math.random()}`;
		const old = new Dexie(name);
		databases.push(old);
		old.version(1).stores({ settings: 'key' });
		old.version(2).stores({ packs: '[courseId+locale], courseId', events: 'id, [subject.id+payload.courseId], type', summaries: '[subjectId+courseId], subjectId' });
		old.version(3).stores({ profiles: 'id' });
		const event = { id: '0190b5a0-0000-7000-8000-000000000001', subject: { kind: 'learner', id: 'p1' }, deviceId: 'd', deviceSeq: 1, type: 'lesson.completed', v: 1, at: '2026-10-01T08:00:00.000Z', payload: lessonDone.payload };
		await old.table('events').put(event);
		old.close();

		const { state } = open(name);
		expect((await state.pending(['p1'], 10)).map((item) => item.event.id)).toEqual([event.id]);
	});

	it("takes the server's grade of a test attempt over the score the phone showed", async () => {
		const { db, state } = open();
		const attempt = { attemptId: 'a1', at: '2026-11-26T10:00:00.000Z', eventId: 'e1' };
		await db.summaries.put({ ...emptyCourseSummary('p1', 'c'), quizAttempts: [{ ...attempt, scorePercent: 100, passed: true }], bestScorePercent: 100, quizPassed: true });
		const graded = { ...emptyCourseSummary('p1', 'c'), quizAttempts: [{ ...attempt, scorePercent: 40, passed: false }], bestScorePercent: 40, quizPassed: false };
		await state.applyPulledPage({ profileId: 'p1', ownPartition: 'learner:p1', partition: 'learner:p1', cursor: 1, summaries: [graded] });
		expect(await db.summaries.get(['p1', 'c'])).toMatchObject({ bestScorePercent: 40, quizPassed: false });
	});
});
