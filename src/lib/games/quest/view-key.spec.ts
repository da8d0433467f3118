import { describe, expect, it } from 'vitest';
import type { QuestView } from './quest-view';
import { questViewKey } from './view-key';

const stage = { place: 'home', characters: [] };

describe('quest view key', () => {
	it('tells a consequence’s screen from the line of the same node', () => {
		const line: QuestView = { kind: 'line', nodeId: 'home', stage, text: 'home', meters: [] };
		expect(questViewKey(line)).toBe('line:home');
		expect(questViewKey({ ...line, consequence: 'consequence.rumour' })).toBe('consequence:consequence.rumour@home');
	});

	it('ignores a timer’s tick and names endings by their id', () => {
		const choice: QuestView = { kind: 'choice', nodeId: 'collect', stage, prompt: 'collect', choices: [], meters: [], secondsLeft: 9 };
		expect(questViewKey(choice)).toBe(questViewKey({ ...choice, secondsLeft: 8 }));
		expect(questViewKey({ kind: 'ending', endingId: 'honest', stage, title: 't', text: 'x', tone: 'good', meters: [], debrief: [] })).toBe('ending:honest');
		expect(questViewKey(undefined)).toBe('');
	});
});
