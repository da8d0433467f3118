import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { gameEventSchema } from '$lib/progress/game-events';
import { compiledFixture, QuestDriver, TEST_PLAY_ID } from '../../../../tests/support/quest-driver';
import { canRestore, createQuestMachine, isPaused, saveQuest } from './quest.machine';

const quest = compiledFixture();

describe('a solo play', () => {
	it('emits quest.started, then a quest.choice per decision and quest.ended with the meters', () => {
		const play = QuestDriver.start(quest, { seed: 42 });
		expect(play.view).toMatchObject({ kind: 'line', nodeId: 'intro', text: 'intro', stage: { speaker: 'teacher' } });
		play.next().choose('pay').expectEnding('paid-ending');
		const base = { questId: 'sample-quest', questVersion: quest.version, playId: TEST_PLAY_ID };
		expect(play.events).toEqual([
			{ type: 'quest.started', payload: { ...base, seed: 42, mode: 'solo' } },
			{ type: 'quest.choice', payload: { ...base, nodeId: 'collect', choiceId: 'pay', step: 1 } },
			{ type: 'quest.ended', payload: { ...base, endingId: 'paid-ending', meters: { trust: 55, money: 500 }, steps: 1 } }
		]);
		expect(play.actor.getSnapshot().status).toBe('done');
	});

	it('emits drafts the server accepts once the envelope is added', () => {
		const play = QuestDriver.start(quest).next().choose('tell-director');
		for (const draft of play.events) {
			const event = {
				...draft,
				v: 1,
				id: '01900000-0000-7000-8000-0000000000aa',
				subject: { kind: 'learner', id: '01900000-0000-7000-8000-0000000000bb' },
				deviceId: '01900000-0000-7000-8000-0000000000cc',
				deviceSeq: 1,
				at: '2026-11-26T12:00:00.000Z'
			};
			expect(gameEventSchema.safeParse(event).error?.issues ?? []).toEqual([]);
		}
	});

	it('ignores a choice that is not on offer and input that does not fit the screen', () => {
		const play = QuestDriver.start(quest).choose('pay');
		expect(play.view.kind).toBe('line');
		play.next().next().choose('bribe');
		expect(play.view).toMatchObject({ kind: 'choice', nodeId: 'collect' });
		expect(play.ofType('quest.choice')).toEqual([]);
	});

	it('shows a delayed consequence before the node it arrives at', () => {
		const play = QuestDriver.start(quest).next().choose('tell-director');
		expect(play.view).toMatchObject({ kind: 'line', nodeId: 'honest-ending', consequence: 'consequence.rumour', stage: { speaker: 'mother' } });
		expect(play.view.meters.find((meter) => meter.id === 'trust')?.value).toBe(40);
		play.next().expectEnding('honest-ending');
	});
});

describe('a timed decision', () => {
	it('counts down on the injected clock and takes the timer choice when time runs out', () => {
		const play = QuestDriver.start(quest).next();
		expect(play.view).toMatchObject({ kind: 'choice', secondsLeft: 20 });
		play.wait(19);
		expect(play.view).toMatchObject({ kind: 'choice', secondsLeft: 1 });
		play.wait(1);
		play.expectEnding('honest-ending');
		expect(play.ofType('quest.choice')[0]?.payload).toMatchObject({ nodeId: 'collect', choiceId: 'stay-quiet', step: 1 });
	});

	it('holds its time while paused and goes on after resume', () => {
		const play = QuestDriver.start(quest).next().wait(5).pause();
		expect(isPaused(play.actor.getSnapshot())).toBe(true);
		play.wait(120).choose('pay');
		expect(play.view).toMatchObject({ kind: 'choice', secondsLeft: 15 });
		play.resume().wait(14);
		expect(play.view).toMatchObject({ kind: 'choice', secondsLeft: 1 });
		play.wait(1).expectEnding('honest-ending');
	});

	it('is untimed in the accessible mode and in teacher-led mode', () => {
		for (const input of [{ timed: false }, { mode: 'class' as const }]) {
			const play = QuestDriver.start(quest, input).next().wait(60);
			expect(play.view.kind).toBe('choice');
			expect(play.view).not.toHaveProperty('secondsLeft');
		}
	});
});

describe('pause and resume', () => {
	it('ignores play while paused and continues where it was', () => {
		const play = QuestDriver.start(quest).pause().next();
		expect(play.view).toMatchObject({ kind: 'line', nodeId: 'intro' });
		play.resume().next();
		expect(play.view).toMatchObject({ kind: 'choice', nodeId: 'collect' });
	});
});

describe('teacher-led mode', () => {
	it('shows the discussion prompt and takes the class majority, recording the votes', () => {
		const play = QuestDriver.start(quest, { mode: 'class' }).next();
		expect(play.view).toMatchObject({ kind: 'choice', discussion: 'collect.discussion' });
		play.choose('tell-director', { pay: 6, 'stay-quiet': 3, 'tell-director': 14 });
		expect(play.ofType('quest.started')[0]?.payload.mode).toBe('class');
		expect(play.ofType('quest.choice')[0]?.payload).toMatchObject({ choiceId: 'tell-director', votes: { pay: 6, 'stay-quiet': 3, 'tell-director': 14 } });
	});

	it('lets the teacher break a tie, and ignores a pick that contradicts the votes', () => {
		const play = QuestDriver.start(quest, { mode: 'class' }).next();
		play.choose('pay', { pay: 3, 'stay-quiet': 14 });
		expect(play.ofType('quest.choice')).toEqual([]);
		play.choose('stay-quiet', { pay: 14, 'stay-quiet': 14 }).expectEnding('honest-ending');
		expect(play.ofType('quest.choice')[0]?.payload.choiceId).toBe('stay-quiet');
	});

	it('takes the majority alone when the teacher enters no counts; a solo play takes no votes', () => {
		QuestDriver.start(quest, { mode: 'class' }).next().choose('pay').expectEnding('paid-ending');
		const solo = QuestDriver.start(quest).next().choose('pay', { pay: 1 });
		expect(solo.view.kind).toBe('choice');
	});
});

describe('saving and restoring', () => {
	it('restores a persisted snapshot through JSON and continues identically', () => {
		const original = QuestDriver.start(quest, { seed: 9, timed: false }).next();
		const saved = JSON.parse(JSON.stringify(original.actor.getPersistedSnapshot()));
		const restored = QuestDriver.start(quest, {}, saved);
		expect(restored.view).toEqual(original.view);
		original.choose('tell-director').next();
		restored.choose('tell-director').next();
		expect(restored.shown).toEqual(original.shown.slice(-restored.shown.length));
		expect(restored.events).toEqual(original.events.filter((event) => event.type !== 'quest.started'));
	});

	it('saves a timed decision paused, with its seconds, so the countdown resumes after a reload', () => {
		const original = QuestDriver.start(quest).next().wait(8);
		const saved = JSON.parse(JSON.stringify(saveQuest(original.actor)));
		expect(JSON.stringify(saved).length).toBeLessThan(1000);
		expect(canRestore(saved, quest)).toBe(true);
		const restored = QuestDriver.start(quest, {}, saved);
		expect(isPaused(restored.actor.getSnapshot())).toBe(true);
		expect(restored.view).toMatchObject({ kind: 'choice', secondsLeft: 12 });
		restored.wait(30);
		expect(restored.view).toMatchObject({ secondsLeft: 12 });
		restored.resume().wait(12).expectEnding('honest-ending');
		expect(restored.events.map((event) => event.type)).toEqual(['quest.choice', 'quest.ended']);
	});

	it('refuses to restore onto another version of the quest or an ended play', () => {
		const play = QuestDriver.start(quest).next();
		const saved = JSON.parse(JSON.stringify(saveQuest(play.actor)));
		expect(canRestore(saved, { ...quest, version: 'ffffffff' })).toBe(false);
		expect(canRestore(null, quest)).toBe(false);
		play.choose('pay');
		expect(canRestore(JSON.parse(JSON.stringify(saveQuest(play.actor))), quest)).toBe(false);
	});

	it('rejects a seed that is not an unsigned 32-bit integer', () => {
		const actor = createActor(createQuestMachine(quest), { input: { playId: TEST_PLAY_ID, seed: -1 } });
		const errors: unknown[] = [];
		actor.subscribe({ error: (error) => errors.push(error) });
		actor.start();
		expect(actor.getSnapshot().status).toBe('error');
		expect(String(errors[0])).toMatch(/seed must be an unsigned 32-bit integer/);
	});
});
