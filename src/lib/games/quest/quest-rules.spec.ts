import { describe, expect, it } from 'vitest';
import type { CompiledQuest, QuestNode } from '$lib/content/quest.types';
import {
	advanceLine,
	applyEffects,
	choiceOrder,
	evaluateCondition,
	offeredChoices,
	playView,
	QuestPlayError,
	resolveVote,
	startPlay,
	takeChoice,
	dismissArrived
} from './quest-rules';

const stage = (place: string) => ({ place, characters: [] });
const choice = (id: string, next: string, extra: Partial<Extract<QuestNode, { type: 'choice' }>['choices'][number]> = {}) => ({
	id,
	next,
	effects: {},
	flags: [],
	schedule: [],
	reporting: false,
	...extra
});

/** Two decisions; paying is found out one decision later, refusing is remembered at the gate. */
function twoStepQuest(): CompiledQuest {
	const nodes: QuestNode[] = [
		{
			type: 'choice',
			id: 'a',
			stage: stage('school'),
			discussion: true,
			shuffle: false,
			choices: [
				choice('pay', 'b', { effects: { money: -50, trust: 10 }, flags: ['paid'], schedule: [{ consequence: 'late', after: 1 }] }),
				choice('refuse', 'b', { schedule: [{ consequence: 'remembered', at: 'gate' }] }),
				choice('report', 'b', { reporting: true, when: { meter: 'trust', min: 60 } })
			]
		},
		{ type: 'line', id: 'b', stage: stage('school'), effects: { trust: 5 }, flags: ['saw-b'], next: 'c' },
		{ type: 'choice', id: 'c', stage: { place: 'home', characters: ['mom'] }, discussion: false, shuffle: true, choices: [choice('x', 'gate'), choice('y', 'gate')] },
		{
			type: 'branch',
			id: 'gate',
			routes: [
				{ when: { flag: 'found-out' }, next: 'bad' },
				{ when: { all: [{ chose: { node: 'a', choice: 'refuse' } }, { flag: 'remembered' }] }, next: 'thanks' },
				{ next: 'good' }
			]
		},
		{ type: 'line', id: 'thanks', stage: stage('home'), effects: {}, flags: [], next: 'good' },
		{ type: 'ending', id: 'bad', stage: stage('home'), tone: 'bad', debrief: 3 },
		{ type: 'ending', id: 'good', stage: stage('home'), tone: 'good', debrief: 4 }
	];
	return {
		format: 1,
		id: 'two-step',
		version: 'abcdef01',
		sourceLocale: 'ru',
		ages: [12, 17],
		minutes: 3,
		meters: [
			{ id: 'trust', start: 50, min: 0, max: 100, goodWhen: 'high', clamp: false },
			{ id: 'money', start: 80, min: 0, max: 100, goodWhen: 'high', clamp: true }
		],
		cast: ['mom'],
		places: ['school', 'home'],
		consequences: {
			late: { id: 'late', speaker: 'mom', effects: { trust: -30 }, flags: ['found-out'] },
			remembered: { id: 'remembered', effects: { trust: 5 }, flags: ['remembered'] }
		},
		start: 'a',
		nodes: Object.fromEntries(nodes.map((node) => [node.id, node])),
		stats: { nodes: 7, decisions: 2, endings: 2, paths: 4, longestPlay: 2 },
		texts: { ky: {}, ru: {}, en: {} }
	};
}

const state = (meters: Record<string, number>, flags: string[] = [], chosen: Record<string, string> = {}) => ({ meters, flags, chosen });

describe('conditions', () => {
	it('test a meter within an inclusive range', () => {
		expect(evaluateCondition({ meter: 'trust', min: 50 }, state({ trust: 50 }))).toBe(true);
		expect(evaluateCondition({ meter: 'trust', min: 51 }, state({ trust: 50 }))).toBe(false);
		expect(evaluateCondition({ meter: 'trust', min: 10, max: 50 }, state({ trust: 50 }))).toBe(true);
		expect(evaluateCondition({ meter: 'trust', max: 49 }, state({ trust: 50 }))).toBe(false);
	});

	it('test flags and past choices, and combine with not, all and any', () => {
		const s = state({ trust: 0 }, ['paid'], { a: 'pay' });
		expect(evaluateCondition({ flag: 'paid' }, s)).toBe(true);
		expect(evaluateCondition({ not: { flag: 'paid' } }, s)).toBe(false);
		expect(evaluateCondition({ chose: { node: 'a', choice: 'pay' } }, s)).toBe(true);
		expect(evaluateCondition({ chose: { node: 'a', choice: 'refuse' } }, s)).toBe(false);
		expect(evaluateCondition({ all: [{ flag: 'paid' }, { meter: 'trust', max: 0 }] }, s)).toBe(true);
		expect(evaluateCondition({ all: [{ flag: 'paid' }, { flag: 'other' }] }, s)).toBe(false);
		expect(evaluateCondition({ any: [{ flag: 'other' }, { chose: { node: 'a', choice: 'pay' } }] }, s)).toBe(true);
	});
});

describe('effects', () => {
	it('clamp a clamped meter at its bound and report a breach of any other (keeping it in bounds)', () => {
		const quest = twoStepQuest();
		expect(applyEffects(quest, { trust: 50, money: 80 }, { money: 50 }, { node: 'a' })).toEqual({ meters: { trust: 50, money: 100 }, issues: [] });
		expect(applyEffects(quest, { trust: 95, money: 80 }, { trust: 10 }, { node: 'a', choice: 'pay' })).toEqual({
			meters: { trust: 100, money: 80 },
			issues: [{ kind: 'out-of-bounds', meter: 'trust', value: 105, source: { node: 'a', choice: 'pay' } }]
		});
	});

	it('apply a choice, count the decision and apply a line on arrival', () => {
		const quest = twoStepQuest();
		const after = takeChoice(quest, startPlay(quest).state, 'pay').state;
		expect(after).toMatchObject({ node: 'b', step: 1, chosen: { a: 'pay' }, flags: ['paid', 'saw-b'], meters: { trust: 65, money: 30 } });
	});

	it('refuse a choice whose condition does not hold', () => {
		const quest = twoStepQuest();
		expect(offeredChoices(quest, startPlay(quest).state)).toEqual(['pay', 'refuse']);
		expect(() => takeChoice(quest, startPlay(quest).state, 'report')).toThrow(QuestPlayError);
	});
});

describe('delayed consequences', () => {
	it('arrive right after the N-th decision that follows, before a branch decides', () => {
		const quest = twoStepQuest();
		let play = takeChoice(quest, startPlay(quest).state, 'pay').state;
		play = advanceLine(quest, play).state;
		expect(play.pending).toEqual([{ consequence: 'late', dueStep: 2 }]);
		const result = takeChoice(quest, play, 'x');
		expect(result.entered).toEqual(['gate', 'bad']);
		expect(result.state).toMatchObject({ node: 'bad', arrived: ['late'], pending: [], meters: { trust: 35 }, flags: ['found-out', 'paid', 'saw-b'] });
	});

	it('arrive at a named node', () => {
		const quest = twoStepQuest();
		let play = takeChoice(quest, startPlay(quest).state, 'refuse').state;
		play = takeChoice(quest, advanceLine(quest, play).state, 'y').state;
		expect(play).toMatchObject({ node: 'thanks', arrived: ['remembered'], meters: { trust: 60 } });
	});

	it('are shown as a line of their own before the node they arrive at', () => {
		const quest = twoStepQuest();
		let play = takeChoice(quest, startPlay(quest).state, 'pay').state;
		play = takeChoice(quest, advanceLine(quest, play).state, 'x').state;
		expect(playView(quest, play, { seed: 1, mode: 'solo' })).toMatchObject({
			kind: 'line',
			nodeId: 'bad',
			text: 'consequence.late',
			consequence: 'consequence.late',
			stage: { place: 'home', characters: ['mom'], speaker: 'mom' }
		});
		expect(playView(quest, dismissArrived(play), { seed: 1, mode: 'solo' })).toMatchObject({ kind: 'ending', endingId: 'bad', tone: 'bad' });
	});
});

describe('choice order', () => {
	it('is drawn from the seed and the node, the same every time', () => {
		const quest = twoStepQuest();
		const orders = new Set(Array.from({ length: 20 }, (_, seed) => choiceOrder(quest, 'c', seed).join()));
		expect(orders).toEqual(new Set(['x,y', 'y,x']));
		expect(choiceOrder(quest, 'c', 3)).toEqual(choiceOrder(quest, 'c', 3));
	});

	it('keeps the script order when the node says shuffle: false', () => {
		const quest = twoStepQuest();
		for (let seed = 0; seed < 10; seed += 1) expect(choiceOrder(quest, 'a', seed)).toEqual(['pay', 'refuse', 'report']);
	});
});

describe('a class vote', () => {
	const offered = ['pay', 'refuse', 'report'];
	it('takes the majority', () => {
		expect(resolveVote({ pay: 4, refuse: 17, report: 3 }, offered)).toBe('refuse');
		expect(resolveVote({ pay: 4, refuse: 17 }, offered, 'refuse')).toBe('refuse');
	});

	it('lets the teacher break a tie at the top, and only there', () => {
		expect(resolveVote({ pay: 10, refuse: 10, report: 2 }, offered)).toBeUndefined();
		expect(resolveVote({ pay: 10, refuse: 10, report: 2 }, offered, 'refuse')).toBe('refuse');
		expect(resolveVote({ pay: 10, refuse: 10, report: 2 }, offered, 'report')).toBeUndefined();
	});

	it('is refused when it contradicts itself or counts what is not on offer', () => {
		expect(resolveVote({ pay: 4, refuse: 17 }, offered, 'pay')).toBeUndefined();
		expect(resolveVote({ pay: 4, bribe: 17 }, offered)).toBeUndefined();
		expect(resolveVote({ pay: 1.5 }, offered)).toBeUndefined();
		expect(resolveVote({ pay: 0, refuse: 0 }, offered)).toBeUndefined();
	});
});

describe('the view', () => {
	it('shows locked choices with their reason, marks reporting, and shows discussion only to a class', () => {
		const quest = twoStepQuest();
		const solo = playView(quest, startPlay(quest).state, { seed: 1, mode: 'solo', secondsLeft: 12 });
		expect(solo).toMatchObject({
			kind: 'choice',
			nodeId: 'a',
			prompt: 'a',
			secondsLeft: 12,
			choices: [
				{ id: 'pay', text: 'a.pay', available: true },
				{ id: 'refuse', text: 'a.refuse', available: true },
				{ id: 'report', text: 'a.report', available: false, lockedReason: 'a.report.locked', reporting: true }
			],
			meters: [{ id: 'trust', label: 'meter.trust', value: 50, min: 0, max: 100, goodWhen: 'high' }, { id: 'money' }]
		});
		expect(solo).not.toHaveProperty('discussion');
		expect(playView(quest, startPlay(quest).state, { seed: 1, mode: 'class' })).toMatchObject({ discussion: 'a.discussion' });
	});

	it('lists an ending with its debrief questions', () => {
		const quest = twoStepQuest();
		let play = takeChoice(quest, startPlay(quest).state, 'refuse').state;
		play = takeChoice(quest, advanceLine(quest, play).state, 'x').state;
		play = advanceLine(quest, dismissArrived(play)).state;
		expect(playView(quest, play, { seed: 1, mode: 'solo' })).toEqual({
			kind: 'ending',
			endingId: 'good',
			stage: { place: 'home', characters: [] },
			title: 'good.title',
			text: 'good',
			tone: 'good',
			meters: expect.any(Array),
			debrief: ['good.debrief.1', 'good.debrief.2', 'good.debrief.3', 'good.debrief.4']
		});
	});
});
