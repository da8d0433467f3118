import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PackQuestion } from '$lib/content/pack.types';
import type { Answer, TestSubmittedEvent } from '$lib/progress/course-events';
import { foldCourseSummaries } from '$lib/progress/course-summary';
import { attemptsLeft, drawQuiz, gradeQuiz } from './quiz';

/** A bank of eight true-or-false questions; "q-1" is true, "q-2" false, and so on. */
const bank: PackQuestion[] = Array.from({ length: 8 }, (_, index) => ({
	id: `q-${index + 1}`,
	type: 'true-false',
	correct: index % 2 === 0
}));
const rightAnswer = (id: string): Answer => ({ kind: 'true-false', value: Number(id.slice(2)) % 2 === 1 });
const wrongAnswer = (id: string): Answer => ({ kind: 'true-false', value: Number(id.slice(2)) % 2 === 0 });
const settings = { draw: 5, passPercent: 80, attempts: 3 };

describe('drawQuiz', () => {
	it('draws the configured number of different questions from the bank', () => {
		const drawn = drawQuiz(bank, settings, 12345);
		expect(drawn).toHaveLength(5);
		expect(new Set(drawn).size).toBe(5);
		for (const id of drawn) expect(bank.map((question) => question.id)).toContain(id);
	});

	it('draws the same questions for a recorded seed, today and after any release', () => {
		expect(drawQuiz(bank, settings, 12345)).toEqual(['q-4', 'q-1', 'q-2', 'q-6', 'q-5']);
	});

	it('draws differently for different seeds', () => {
		const draws = new Set([1, 2, 3, 4, 5].map((seed) => drawQuiz(bank, settings, seed).join()));
		expect(draws.size).toBeGreaterThan(1);
	});

	it('does not depend on the order of the bank', () => {
		fc.assert(
			fc.property(fc.shuffledSubarray(bank, { minLength: bank.length }), fc.nat({ max: 2 ** 32 - 1 }), (reordered, seed) => {
				expect(drawQuiz(reordered, settings, seed)).toEqual(drawQuiz(bank, settings, seed));
			})
		);
	});

	it('draws the whole bank when asked for more than it has', () => {
		expect([...drawQuiz(bank, { draw: 20 }, 9)].sort()).toEqual(bank.map((question) => question.id).sort());
	});
});

describe('gradeQuiz', () => {
	const drawn = ['q-1', 'q-2', 'q-3'];

	it('passes when every drawn question is answered right', () => {
		const answers = Object.fromEntries(drawn.map((id) => [id, rightAnswer(id)]));
		expect(gradeQuiz(bank, drawn, answers, 80)).toEqual({ correct: 3, total: 3, scorePercent: 100, passed: true });
	});

	it('rounds the score down, so two of three (66.7%) does not pass a 67% bar', () => {
		const answers = { 'q-1': rightAnswer('q-1'), 'q-2': rightAnswer('q-2'), 'q-3': wrongAnswer('q-3') };
		expect(gradeQuiz(bank, drawn, answers, 67)).toEqual({ correct: 2, total: 3, scorePercent: 66, passed: false });
		expect(gradeQuiz(bank, drawn, answers, 66).passed).toBe(true);
	});

	it('counts an unanswered question as wrong', () => {
		expect(gradeQuiz(bank, drawn, { 'q-1': rightAnswer('q-1') }, 50)).toEqual({ correct: 1, total: 3, scorePercent: 33, passed: false });
	});

	it('cannot be gamed: a question drawn twice counts once, an id not in the bank is wrong', () => {
		const answers = { 'q-1': rightAnswer('q-1'), 'made-up': { kind: 'true-false', value: true } } satisfies Record<string, Answer>;
		expect(gradeQuiz(bank, ['q-1', 'q-1', 'made-up'], answers, 50)).toEqual({ correct: 1, total: 2, scorePercent: 50, passed: true });
	});

	it('does not find an answer for a question id that names an object member', () => {
		const trap: PackQuestion[] = [{ id: 'constructor', type: 'dilemma', choices: [{ id: 'refuse', outcome: 'best' }] }];
		expect(gradeQuiz(trap, ['constructor'], {}, 50)).toEqual({ correct: 0, total: 1, scorePercent: 0, passed: false });
	});

	it('fails an empty draw instead of dividing by zero', () => {
		expect(gradeQuiz(bank, [], {}, 1)).toEqual({ correct: 0, total: 0, scorePercent: 0, passed: false });
	});

	it("re-grades a submitted test from the event's seed, drawn ids and raw answers alone", () => {
		fc.assert(
			fc.property(fc.nat({ max: 2 ** 32 - 1 }), fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }), (seed, knows) => {
				// On the phone: draw, answer, grade for display.
				const questionIds = drawQuiz(bank, settings, seed);
				const answers = Object.fromEntries(questionIds.map((id, index) => [id, knows[index] ? rightAnswer(id) : wrongAnswer(id)]));
				const shown = gradeQuiz(bank, questionIds, answers, settings.passPercent);
				// On the server: check the draw, then grade again.
				expect(drawQuiz(bank, settings, seed)).toEqual(questionIds);
				expect(gradeQuiz(bank, questionIds, answers, settings.passPercent)).toEqual(shown);
				expect(shown.correct).toBe(knows.filter(Boolean).length);
			})
		);
	});
});

describe('attemptsLeft', () => {
	const attempt = (attemptId: string, second: number): TestSubmittedEvent => ({
		id: `0195f3a0-${String(second).padStart(4, '0')}-7000-8000-000000000000`,
		subject: { kind: 'learner', id: 'learner-ainura' },
		deviceId: 'phone-1',
		deviceSeq: second,
		type: 'test.submitted',
		v: 1,
		at: new Date(Date.UTC(2026, 2, 2, 9, 0, second)).toISOString(),
		payload: {
			courseId: 'honest-choices',
			courseVersion: 'c0ffee01',
			attemptId,
			seed: second,
			questionIds: ['q-1'],
			answers: {},
			scorePercent: 0,
			passed: false
		}
	});

	it('allows every attempt before the first one', () => {
		expect(attemptsLeft(undefined, settings)).toBe(3);
	});

	it('counts each attempt once, even if its event arrived twice', () => {
		const first = attempt('0195f3a0-0001-7000-8000-00000000000a', 1);
		const second = attempt('0195f3a0-0002-7000-8000-00000000000b', 2);
		const [summary] = foldCourseSummaries([first, second, first]);
		expect(attemptsLeft(summary, settings)).toBe(1);
	});

	it('never goes below zero', () => {
		const events = [1, 2, 3, 4].map((n) => attempt(`0195f3a0-000${n}-7000-8000-00000000000a`, n));
		expect(attemptsLeft(foldCourseSummaries(events)[0], settings)).toBe(0);
	});
});
