import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { GameEventDraft } from '$lib/progress/game-events';
import { TazaLocalDatabase } from './database';
import { createGameSavesRepo, questSaveId } from './game-saves.repo';
import { createProgressRepo } from './progress.repo';

const databases: TazaLocalDatabase[] = [];
afterEach(async () => Promise.all(databases.splice(0).map((db) => db.delete())));

function setup() {
	const db = new TazaLocalDatabase(`saves-${Math.random()}`);
	databases.push(db);
	let n = 0;
	const newId = () => `0190b5a0-0000-7000-8000-${String(++n).padStart(12, '0')}`;
	const now = () => new Date('2026-11-26T10:00:00Z');
	return { db, saves: createGameSavesRepo(db, now), progress: createProgressRepo(db, { deviceId: 'device-1', newId, now }) };
}

const learner = { kind: 'learner' as const, id: 'learner-1' };
const base = { questId: 'exam-envelope', questVersion: 'abcdef12', playId: '0190b5a0-0000-7000-8000-0000000000aa' };
const choice: GameEventDraft = { type: 'quest.choice', payload: { ...base, nodeId: 'collect', choiceId: 'pay', step: 1 } };

describe('game saves', () => {
	it('keeps one save per quest and player, and forgets it when cleared', async () => {
		const { saves } = setup();
		const id = questSaveId('exam-envelope', learner);
		expect(id).toBe('quest:exam-envelope:learner:learner-1');
		expect(questSaveId('exam-envelope', { kind: 'class', id: 'c1' })).not.toBe(id);
		await saves.put(id, { value: 'paused' }, { decisions: [] });
		expect(await saves.get(id)).toEqual({ snapshot: { value: 'paused' }, meta: { decisions: [] }, savedAt: '2026-11-26T10:00:00.000Z' });
		await saves.clear(id);
		expect(await saves.get(id)).toBeUndefined();
	});

	it('records a step’s events and its save together, queued for sync', async () => {
		const { db, saves, progress } = setup();
		const id = questSaveId('exam-envelope', learner);
		await saves.recordAndSave(progress, id, { events: [{ subject: learner, draft: choice }], save: { snapshot: { step: 1 }, meta: {} } });
		expect((await saves.get(id))?.snapshot).toEqual({ step: 1 });
		const events = await progress.gameEvents('learner-1', 'exam-envelope');
		expect(events.map((event) => event.type)).toEqual(['quest.choice']);
		expect(await db.outbox.count()).toBe(1);

		await saves.recordAndSave(progress, id, { events: [], save: 'clear' });
		expect(await saves.get(id)).toBeUndefined();
	});

	it('writes neither the events nor the save when one of them fails', async () => {
		const { db, saves, progress } = setup();
		const id = questSaveId('exam-envelope', learner);
		await saves.put(id, { step: 0 }, {});
		// An event that cannot be stored (its id is taken) must leave the old save in place.
		await db.events.add({ id: '0190b5a0-0000-7000-8000-000000000001' } as never);
		await expect(saves.recordAndSave(progress, id, { events: [{ subject: learner, draft: choice }], save: { snapshot: { step: 1 }, meta: {} } })).rejects.toThrow();
		expect((await saves.get(id))?.snapshot).toEqual({ step: 0 });
		expect(await db.outbox.count()).toBe(0);
	});

	it('records a class’s step with the teacher as recorder', async () => {
		const { saves, progress } = setup();
		const subject = { kind: 'class' as const, id: 'class-1' };
		await saves.recordAndSave(progress, questSaveId('exam-envelope', subject), { events: [{ subject, draft: choice, recordedBy: 'teacher-1' }], save: 'keep' });
		const [event] = await progress.gameEvents('class-1', 'exam-envelope');
		expect(event).toMatchObject({ subject, recordedBy: 'teacher-1', type: 'quest.choice' });
	});
});
