import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PackQuestion } from '$lib/content/pack.types';
import type { Answer } from '$lib/progress/course-events';
import { displayOrder, isAnswerCorrect, rightAnswer } from './answers';

const bribeOrGift: PackQuestion = { id: 'gifts-pick', type: 'single-choice', options: ['flowers', 'envelope'], correct: 'envelope' };
const whatHelps: PackQuestion = {
	id: 'conflicts-many',
	type: 'multiple-choice',
	options: ['declare', 'hide', 'step-aside'],
	correct: ['declare', 'step-aside']
};
const giftForDecision: PackQuestion = { id: 'gifts-tf', type: 'true-false', correct: false };
const giftOrBribe: PackQuestion = {
	id: 'gifts-match',
	type: 'matching',
	pairs: [
		['gift', 'no-conditions'],
		['bribe', 'in-exchange'],
		['fee', 'by-law']
	]
};
const whatToDo: PackQuestion = { id: 'conflicts-order', type: 'ordering', order: ['notice', 'declare', 'step-aside'] };
const envelopeOffered: PackQuestion = {
	id: 'no-dilemma',
	type: 'dilemma',
	choices: [
		{ id: 'take', outcome: 'harmful' },
		{ id: 'ask-later', outcome: 'acceptable' },
		{ id: 'refuse', outcome: 'best' }
	]
};

const choice = (...selected: string[]): Answer => ({ kind: 'choice', selected });

describe('isAnswerCorrect', () => {
	it('single choice: the one correct option, alone', () => {
		expect(isAnswerCorrect(bribeOrGift, choice('envelope'))).toBe(true);
		expect(isAnswerCorrect(bribeOrGift, choice('flowers'))).toBe(false);
		expect(isAnswerCorrect(bribeOrGift, choice('envelope', 'flowers'))).toBe(false);
		expect(isAnswerCorrect(bribeOrGift, choice())).toBe(false);
	});

	it('multiple choice: exactly the correct set, in any order', () => {
		expect(isAnswerCorrect(whatHelps, choice('step-aside', 'declare'))).toBe(true);
		expect(isAnswerCorrect(whatHelps, choice('declare'))).toBe(false);
		expect(isAnswerCorrect(whatHelps, choice('declare', 'hide', 'step-aside'))).toBe(false);
		expect(isAnswerCorrect(whatHelps, choice())).toBe(false);
	});

	it('multiple choice: a question without an answer key cannot be answered right, not even by choosing nothing', () => {
		expect(isAnswerCorrect({ ...whatHelps, correct: [] }, choice())).toBe(false);
	});

	it('true or false: the same value', () => {
		expect(isAnswerCorrect(giftForDecision, { kind: 'true-false', value: false })).toBe(true);
		expect(isAnswerCorrect(giftForDecision, { kind: 'true-false', value: true })).toBe(false);
	});

	it('matching: every pair right, whatever order the pairs were made in', () => {
		const pairs: [string, string][] = [
			['fee', 'by-law'],
			['gift', 'no-conditions'],
			['bribe', 'in-exchange']
		];
		expect(isAnswerCorrect(giftOrBribe, { kind: 'matching', pairs })).toBe(true);
	});

	it('matching: one swapped pair, a missing pair or a left item used twice is wrong', () => {
		const swapped: [string, string][] = [
			['gift', 'in-exchange'],
			['bribe', 'no-conditions'],
			['fee', 'by-law']
		];
		const missing: [string, string][] = [
			['gift', 'no-conditions'],
			['bribe', 'in-exchange']
		];
		const repeated: [string, string][] = [
			['gift', 'no-conditions'],
			['gift', 'no-conditions'],
			['fee', 'by-law']
		];
		for (const pairs of [swapped, missing, repeated]) expect(isAnswerCorrect(giftOrBribe, { kind: 'matching', pairs })).toBe(false);
	});

	it('ordering: exactly the authored order', () => {
		expect(isAnswerCorrect(whatToDo, { kind: 'ordering', order: ['notice', 'declare', 'step-aside'] })).toBe(true);
		expect(isAnswerCorrect(whatToDo, { kind: 'ordering', order: ['declare', 'notice', 'step-aside'] })).toBe(false);
		expect(isAnswerCorrect(whatToDo, { kind: 'ordering', order: ['notice', 'declare'] })).toBe(false);
	});

	it('dilemma: only a choice whose outcome is "best"', () => {
		expect(isAnswerCorrect(envelopeOffered, { kind: 'dilemma', choice: 'refuse' })).toBe(true);
		expect(isAnswerCorrect(envelopeOffered, { kind: 'dilemma', choice: 'ask-later' })).toBe(false);
		expect(isAnswerCorrect(envelopeOffered, { kind: 'dilemma', choice: 'take' })).toBe(false);
		expect(isAnswerCorrect(envelopeOffered, { kind: 'dilemma', choice: 'no-such-choice' })).toBe(false);
	});

	it('an answer of the wrong kind is wrong, never an error', () => {
		expect(isAnswerCorrect(giftForDecision, choice('false'))).toBe(false);
		expect(isAnswerCorrect(bribeOrGift, { kind: 'dilemma', choice: 'envelope' })).toBe(false);
		expect(isAnswerCorrect(whatToDo, choice('notice', 'declare', 'step-aside'))).toBe(false);
	});
});

describe('displayOrder', () => {
	const steps = ['notice', 'declare', 'step-aside', 'report'];

	it('shows the same order every time for the same seed', () => {
		expect(displayOrder(steps, '42:conflicts-order')).toEqual(displayOrder(steps, '42:conflicts-order'));
	});

	it('shows every item once, without changing the list it was given', () => {
		fc.assert(
			fc.property(fc.uniqueArray(fc.string(), { maxLength: 8 }), fc.string(), (items, seed) => {
				const before = [...items];
				expect([...displayOrder(items, seed)].sort()).toEqual([...items].sort());
				expect(items).toEqual(before);
			})
		);
	});

	it('never shows two or more items in their authored order, which for ordering questions is the answer', () => {
		fc.assert(
			fc.property(fc.integer({ min: 2, max: 6 }), fc.nat({ max: 2 ** 32 - 1 }), (count, seed) => {
				const items = Array.from({ length: count }, (_, index) => index);
				expect(displayOrder(items, seed)).not.toEqual(items);
			}),
			{ numRuns: 1000 }
		);
	});

	it('shuffles questions differently from one another', () => {
		const orders = new Set(['a', 'b', 'c', 'd', 'e'].map((questionId) => displayOrder(steps, `42:${questionId}`).join()));
		expect(orders.size).toBeGreaterThan(1);
	});

	it('leaves a single item where it is', () => {
		expect(displayOrder(['only'], 1)).toEqual(['only']);
		expect(displayOrder([], 1)).toEqual([]);
	});
});

describe('rightAnswer', () => {
	it('is what isAnswerCorrect accepts, for every kind of question', () => {
		for (const question of [bribeOrGift, whatHelps, giftForDecision, giftOrBribe, whatToDo, envelopeOffered]) {
			expect(isAnswerCorrect(question, rightAnswer(question)), question.id).toBe(true);
		}
	});
});
