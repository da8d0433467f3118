import { describe, expect, it } from 'vitest';
import { gameEventSchema } from '$lib/progress/game-events';
import { reachEnding, startPlay, takeChoice } from './quest-play';
import type { QuestView } from './quest-view';

const stage = { place: 'classroom', characters: [] };
const meters = [{ id: 'trust', label: 'm.trust', value: 6.4, min: 0, max: 10, goodWhen: 'high' as const }];
const decision = (nodeId: string): Extract<QuestView, { kind: 'choice' }> => ({
	kind: 'choice',
	nodeId,
	stage,
	prompt: `${nodeId}.prompt`,
	meters,
	choices: [
		{ id: 'pay', text: `${nodeId}.pay`, available: true },
		{ id: 'report', text: `${nodeId}.report`, available: true, reporting: true }
	]
});
const ending: Extract<QuestView, { kind: 'ending' }> = { kind: 'ending', endingId: 'spoke-up', stage, title: 't', text: 'x', tone: 'good', meters, debrief: ['d1'] };
const start = { questId: 'exam-envelope', questVersion: 'abcdef12', playId: '01890a5d-ac96-774b-bcce-b302099a8057', seed: 42, mode: 'solo' as const };

/** Wraps a draft the way the repository does, so the server's schema can judge it. */
const asEvent = (draft: { type: string; payload: unknown }) => ({
	...draft,
	id: '01890a5d-ac96-774b-bcce-b302099a8058',
	subject: { kind: 'learner', id: 'p1' },
	deviceId: 'd1',
	deviceSeq: 1,
	v: 1,
	at: '2026-03-01T10:00:00.000Z'
});

describe('a quest play', () => {
	it('starts with the seed and mode, numbers its decisions and ends once', () => {
		const started = startPlay(start);
		expect(started.draft).toEqual({ type: 'quest.started', payload: start });

		const first = takeChoice(started.play, decision('envelope'), 'pay');
		const second = takeChoice(first.play, decision('exam-day'), 'report');
		expect(first.draft.payload).toMatchObject({ nodeId: 'envelope', choiceId: 'pay', step: 1 });
		expect(second.draft.payload).toMatchObject({ nodeId: 'exam-day', choiceId: 'report', step: 2 });
		expect(second.play.decisions.map((taken) => taken.choiceId)).toEqual(['pay', 'report']);

		const ended = reachEnding(second.play, ending);
		expect(ended?.draft).toEqual({
			type: 'quest.ended',
			payload: { questId: 'exam-envelope', questVersion: 'abcdef12', playId: start.playId, endingId: 'spoke-up', meters: { trust: 6 }, steps: 2 }
		});
		expect(reachEnding(ended!.play, ending)).toBeUndefined();
	});

	it('carries a class’s votes in the choice event', () => {
		const { play } = startPlay({ ...start, mode: 'class' });
		const taken = takeChoice(play, decision('envelope'), 'report', { pay: 3, report: 19 });
		expect(taken.draft.payload).toMatchObject({ votes: { pay: 3, report: 19 } });
		expect(taken.play.decisions[0]?.votes).toEqual({ pay: 3, report: 19 });
	});

	it('gives drafts the server accepts', () => {
		const started = startPlay(start);
		const chosen = takeChoice(started.play, decision('envelope'), 'pay', { pay: 2, report: 0 });
		const ended = reachEnding(chosen.play, ending)!;
		for (const draft of [started.draft, chosen.draft, ended.draft]) expect(gameEventSchema.safeParse(asEvent(draft)).success).toBe(true);
	});
});
