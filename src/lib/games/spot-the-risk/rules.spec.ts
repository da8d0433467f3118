import { describe, expect, it } from 'vitest';
import { spotGame } from '../../../../tests/support/minigame-fixtures';
import { addTap, allFound, itemAt, levelScene, spotAnswers, spotPayload, spotResult, type Taps } from './rules';

const office = levelScene(spotGame, 1);
const none: Taps = { found: [], wrong: [] };

describe('the rules of "Spot the risk"', () => {
	it('finds the item under a tap, and nothing on empty ground', () => {
		expect(itemAt(office, 110, 95)?.id).toBe('envelope');
		expect(itemAt(office, 100, 130)?.id).toBe('envelope');
		expect(itemAt(office, 100, 131)).toBeUndefined();
		expect(itemAt(office, 150, 100)).toBeUndefined();
		expect(itemAt(office, 60, 300)?.id).toBe('price-list');
	});

	it('counts each item once, however often it is tapped', () => {
		let taps = addTap(office, none, 'envelope');
		taps = addTap(office, taps, 'envelope');
		taps = addTap(office, taps, 'price-list');
		taps = addTap(office, taps, 'price-list');
		taps = addTap(office, taps, 'no-such-item');
		expect(taps).toEqual({ found: ['envelope'], wrong: ['price-list'] });
	});

	it('scores a point per risk, minus one per wrong tap, never below zero, and passes at the share', () => {
		expect(spotResult(office, none)).toEqual({ score: 0, maxScore: 3, passed: false, passMark: 3 });
		expect(spotResult(office, { found: ['envelope'], wrong: ['price-list'] }).score).toBe(0);
		expect(spotResult(office, { found: [], wrong: ['price-list'] }).score).toBe(0);
		const all = { found: ['envelope', 'fee-note', 'back-door'], wrong: [] };
		expect(allFound(office, all)).toBe(true);
		expect(spotResult(office, all)).toMatchObject({ score: 3, passed: true });
		expect(spotResult(office, { ...all, wrong: ['price-list'] })).toMatchObject({ score: 2, passed: false });
	});

	it('records every risk as found or missed, and every wrong tap', () => {
		const taps = { found: ['fee-note'], wrong: ['price-list'] };
		expect(spotAnswers(office, taps)).toEqual([
			{ itemId: 'envelope', response: 'missed', correct: false },
			{ itemId: 'fee-note', response: 'found', correct: true },
			{ itemId: 'back-door', response: 'missed', correct: false },
			{ itemId: 'price-list', response: 'found', correct: false }
		]);
		expect(spotPayload(spotGame, { playId: 'p', level: 1, mode: 'list', taps })).toMatchObject({
			gameId: 'spot-the-risk',
			level: 1,
			mode: 'list',
			score: 0,
			maxScore: 3,
			passed: false
		});
	});
});
