import { describe, expect, it } from 'vitest';
import type { AnswerKeys } from '$lib/content/pack.types';
import type { TestSubmittedPayload } from '$lib/progress/course-events';
import { drawQuiz } from './quiz';
import { regradeTest } from './regrade';

const bank = [
	{ id: 'q1', type: 'true-false' as const, correct: true },
	{ id: 'q2', type: 'true-false' as const, correct: false },
	{ id: 'q3', type: 'single-choice' as const, options: ['a', 'b'], correct: 'b' },
	{ id: 'q4', type: 'true-false' as const, correct: true }
];
const keys: AnswerKeys = { ethics: { version: 'aaaa1111', quiz: { draw: 2, passPercent: 50, attempts: 3 }, bank } };
const rightAnswer = (id: string) => (id === 'q3' ? { kind: 'choice' as const, selected: ['b'] } : { kind: 'true-false' as const, value: id !== 'q2' });

function submission(changes: Partial<TestSubmittedPayload> = {}): TestSubmittedPayload {
	const seed = changes.seed ?? 7;
	const questionIds = changes.questionIds ?? drawQuiz(bank, { draw: 2 }, seed);
	return {
		courseId: 'ethics',
		courseVersion: 'aaaa1111',
		attemptId: '01900000-0000-7000-8000-000000000000',
		seed,
		questionIds,
		answers: Object.fromEntries(questionIds.map((id) => [id, rightAnswer(id)])),
		scorePercent: 100,
		passed: true,
		...changes
	};
}

describe('regradeTest', () => {
	it('grades the raw answers of the questions the seed draws', () => {
		expect(regradeTest(keys, submission())).toEqual({ scorePercent: 100, passed: true, basis: 'same-version' });
		const halfRight = submission();
		const [first, second] = halfRight.questionIds as [string, string];
		expect(regradeTest(keys, { ...halfRight, answers: { [first]: { kind: 'choice', selected: ['zzz'] }, [second]: rightAnswer(second) } })).toMatchObject({
			scorePercent: 50,
			passed: true
		});
	});

	it('ignores the score the phone claims', () => {
		const noAnswers = submission({ answers: {}, scorePercent: 100, passed: true });
		expect(regradeTest(keys, noAnswers)).toEqual({ scorePercent: 0, passed: false, basis: 'same-version' });
	});

	it('fails a submission whose questions are not what its seed draws', () => {
		const drawn = drawQuiz(bank, { draw: 2 }, 7);
		const easier = bank.map((question) => question.id).filter((id) => !drawn.includes(id));
		expect(regradeTest(keys, submission({ questionIds: easier, answers: Object.fromEntries(easier.map((id) => [id, rightAnswer(id)])) }))).toEqual({
			scorePercent: 0,
			passed: false,
			basis: 'draw-mismatch'
		});
	});

	it('grades another version with the current key, and fails a course it has no test for', () => {
		expect(regradeTest(keys, submission({ courseVersion: 'bbbb2222', questionIds: ['q1', 'gone'], answers: { q1: rightAnswer('q1') } }))).toEqual({
			scorePercent: 50,
			passed: true,
			basis: 'other-version'
		});
		expect(regradeTest(keys, submission({ courseId: 'constructor' }))).toMatchObject({ passed: false, basis: 'no-key' });
	});
});
