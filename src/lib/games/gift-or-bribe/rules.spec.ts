import { describe, expect, it } from 'vitest';
import { sortGame } from '../../../../tests/support/minigame-fixtures';
import { cardById, dealRound, judge, passMark, roundPayload, roundResult, TIMEOUT } from './rules';


describe('the rules of "Gift or bribe?"', () => {
	it('deals the level\'s cards in an order fixed by the seed, as many as the level deals', () => {
		const deck = dealRound(sortGame, 1, 42);
		expect(deck).toHaveLength(3);
		expect(new Set(deck).size).toBe(3);
		for (const id of deck) expect(cardById(sortGame, id).level).toBe(1);
		expect(dealRound(sortGame, 1, 42)).toEqual(deck);
		const orders = new Set(Array.from({ length: 20 }, (_, seed) => dealRound(sortGame, 1, seed).join()));
		expect(orders.size).toBeGreaterThan(1);
	});

	it('judges an answer against the card, and a timeout as wrong', () => {
		expect(judge(sortGame, 'flowers', 'gift')).toEqual({ itemId: 'flowers', response: 'gift', correct: true });
		expect(judge(sortGame, 'flowers', 'bribe').correct).toBe(false);
		expect(judge(sortGame, 'envelope', TIMEOUT)).toEqual({ itemId: 'envelope', response: 'timeout', correct: false });
		expect(() => judge(sortGame, 'unknown', 'gift')).toThrow(RangeError);
	});

	it('scores a point per correct card and passes at the level\'s share, rounded up', () => {
		expect(passMark(6, 70)).toBe(5);
		expect(passMark(10, 80)).toBe(8);
		const answers = [judge(sortGame, 'flowers', 'gift'), judge(sortGame, 'envelope', 'bribe'), judge(sortGame, 'cake', 'bribe')];
		expect(roundResult(sortGame, 1, answers, 3)).toEqual({ score: 2, maxScore: 3, passed: false, passMark: 3 });
		expect(roundResult(sortGame, 1, answers.slice(0, 2), 2)).toMatchObject({ score: 2, passed: true });
	});

	it('records a round as a minigame.round payload with every answer', () => {
		const answers = [judge(sortGame, 'wedding-car', 'bribe'), judge(sortGame, 'album', 'gift')];
		expect(roundPayload(sortGame, { playId: 'p', level: 2, mode: 'untimed', answers, cardsDealt: 2 })).toEqual({
			gameId: 'gift-or-bribe',
			gameVersion: 'abcdef12',
			playId: 'p',
			level: 2,
			mode: 'untimed',
			score: 2,
			maxScore: 2,
			passed: true,
			answers
		});
	});
});
