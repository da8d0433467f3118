/**
 * A course's final test: which questions are drawn from the bank, how an attempt is graded, how many attempts remain.
 * The server runs drawQuiz and gradeQuiz again on the raw answers of a `test.submitted` event (DESIGN §3), so both
 * depend only on their inputs.
 */
import type { PackQuestion, QuizSettings } from '$lib/content/pack.types';
import type { Answer } from '$lib/progress/course-events';
import type { CourseSummary } from '$lib/progress/course-summary';
import { seededRandom, shuffle, type Seed } from '$lib/utils/seeded-random';
import { isAnswerCorrect } from './answers';

export interface QuizGrade {
	correct: number;
	total: number;
	/** Rounded down: 79.9% does not pass an 80% bar. */
	scorePercent: number;
	passed: boolean;
}

/**
 * `settings.draw` distinct question ids, the same for the same seed. The bank is sorted by id first, so moving
 * questions around in bank.yaml does not change what a recorded seed draws.
 */
export function drawQuiz(bank: readonly Pick<PackQuestion, 'id'>[], settings: Pick<QuizSettings, 'draw'>, seed: Seed): string[] {
	const ids = [...new Set(bank.map((question) => question.id))].sort();
	return shuffle(ids, seededRandom(seed)).slice(0, Math.max(0, settings.draw));
}

/**
 * Grades the drawn questions. A question missing from the bank, or repeated, or left unanswered counts as wrong or
 * once, so a tampered submission can only lose points.
 */
export function gradeQuiz(
	bank: readonly PackQuestion[],
	questionIds: readonly string[],
	answers: Readonly<Record<string, Answer>>,
	passPercent: number
): QuizGrade {
	const byId = new Map(bank.map((question) => [question.id, question]));
	const drawn = [...new Set(questionIds)];
	const correct = drawn.filter((id) => {
		const question = byId.get(id);
		// hasOwn: an id such as "constructor" must not find Object.prototype's member.
		const answer = Object.hasOwn(answers, id) ? answers[id] : undefined;
		return question !== undefined && answer !== undefined && isAnswerCorrect(question, answer);
	}).length;
	const total = drawn.length;
	const scorePercent = total === 0 ? 0 : Math.floor((correct * 100) / total);
	return { correct, total, scorePercent, passed: total > 0 && scorePercent >= passPercent };
}

/** Attempts still allowed; every distinct attempt counts, passed or not. */
export function attemptsLeft(summary: CourseSummary | undefined, settings: Pick<QuizSettings, 'attempts'>): number {
	return Math.max(0, settings.attempts - (summary?.quizAttempts.length ?? 0));
}
