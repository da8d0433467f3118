import { describe, expect, it } from 'vitest';
import { questKey } from './quest-keys';
import type { QuestView } from './quest-view';

const stage = { place: 'classroom', characters: ['aida'] };
const meters: [] = [];
const line: QuestView = { kind: 'line', nodeId: 'intro', stage, text: 'intro.text', meters };
const choice: QuestView = {
	kind: 'choice',
	nodeId: 'envelope',
	stage,
	prompt: 'envelope.prompt',
	meters,
	choices: [
		{ id: 'pay', text: 'envelope.pay', available: true },
		{ id: 'ask-parents', text: 'envelope.ask', available: false, lockedReason: 'envelope.locked' },
		{ id: 'report', text: 'envelope.report', available: true, reporting: true }
	]
};
const ending: QuestView = { kind: 'ending', endingId: 'honest', stage, title: 't', text: 'x', tone: 'good', meters, debrief: [] };

describe('quest keyboard', () => {
	it('goes on after a line with Space, Enter or the right arrow', () => {
		for (const key of [' ', 'Enter', 'ArrowRight']) expect(questKey(key, line, -1)).toEqual({ input: { type: 'NEXT' }, focus: -1 });
		expect(questKey('a', line, -1)).toBeUndefined();
	});

	it('takes a choice by its number, but not a locked one', () => {
		expect(questKey('3', choice, -1)).toEqual({ input: { type: 'CHOOSE', choiceId: 'report' }, focus: 2 });
		expect(questKey('2', choice, -1)).toEqual({ focus: 1 });
		expect(questKey('4', choice, -1)).toBeUndefined();
	});

	it('moves the ring over available choices with the arrows, wrapping round, and takes it with Enter', () => {
		expect(questKey('ArrowDown', choice, -1)).toEqual({ focus: 0 });
		expect(questKey('ArrowDown', choice, 0)).toEqual({ focus: 2 });
		expect(questKey('ArrowDown', choice, 2)).toEqual({ focus: 0 });
		expect(questKey('ArrowUp', choice, 0)).toEqual({ focus: 2 });
		expect(questKey('ArrowUp', choice, -1)).toEqual({ focus: 2 });
		expect(questKey('Enter', choice, 2)).toEqual({ input: { type: 'CHOOSE', choiceId: 'report' }, focus: 2 });
		expect(questKey(' ', choice, -1)).toEqual({ focus: 0 });
	});

	it('pauses with P or Escape, except at an ending', () => {
		expect(questKey('Escape', choice, 1)).toEqual({ input: { type: 'PAUSE' }, focus: 1 });
		expect(questKey('p', line, -1)?.input).toEqual({ type: 'PAUSE' });
		expect(questKey('Escape', ending, -1)).toBeUndefined();
	});

	it('leaves choices to the vote on the teacher’s screen', () => {
		expect(questKey('1', choice, -1, { choosable: false })).toBeUndefined();
		expect(questKey('Enter', line, -1, { choosable: false })?.input).toEqual({ type: 'NEXT' });
	});
});
