import { describe, expect, it } from 'vitest';
import { playedDecision } from './played-decisions';
import type { QuestView } from './quest-view';

const base = { questId: 'q', questVersion: 'abcdef12', playId: '01900000-0000-7000-8000-000000000001' };
const decision: QuestView = {
	kind: 'choice',
	nodeId: 'collect',
	stage: { place: 'classroom', characters: [] },
	prompt: 'collect',
	meters: [],
	choices: [
		{ id: 'pay', text: 'collect.pay', available: true },
		{ id: 'tell-director', text: 'collect.tell-director', available: false, reporting: true }
	]
};

describe('played decisions', () => {
	it('keeps what was offered and taken, with a class’s votes', () => {
		expect(playedDecision(decision, { type: 'quest.choice', payload: { ...base, nodeId: 'collect', choiceId: 'pay', step: 1, votes: { pay: 12 } } })).toEqual({
			nodeId: 'collect',
			prompt: 'collect',
			choices: [
				{ id: 'pay', text: 'collect.pay' },
				{ id: 'tell-director', text: 'collect.tell-director' }
			],
			choiceId: 'pay',
			votes: { pay: 12 }
		});
	});

	it('ignores other events and a decision made on a view it did not see', () => {
		expect(playedDecision(decision, { type: 'quest.started', payload: { ...base, seed: 1, mode: 'solo' } })).toBeUndefined();
		expect(playedDecision(decision, { type: 'quest.choice', payload: { ...base, nodeId: 'other', choiceId: 'x', step: 2 } })).toBeUndefined();
		expect(playedDecision(undefined, { type: 'quest.choice', payload: { ...base, nodeId: 'collect', choiceId: 'pay', step: 1 } })).toBeUndefined();
	});
});
