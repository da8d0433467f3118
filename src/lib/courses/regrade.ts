/**
 * The server's grade of a final test (DESIGN §3: a score computed on a phone is a display, not evidence). Re-draws the
 * questions from the seed and grades the raw answers against the answer key the server holds.
 */
import type { AnswerKeys } from '$lib/content/pack.types';
import type { TestSubmittedPayload } from '$lib/progress/course-events';
import { drawQuiz, gradeQuiz } from './quiz';

/**
 * - `same-version`: the test was taken on the version the server has; the drawn ids must be what the seed draws.
 * - `other-version`: an older (or newer) version; its drawn ids are graded with today's key, unknown ids count wrong.
 * - `draw-mismatch`: the ids are not what the seed draws on this version: tampered or broken, so it fails.
 * - `no-key`: the server has no test for this course: nothing to grade against, so it fails.
 */
export type RegradeBasis = 'same-version' | 'other-version' | 'draw-mismatch' | 'no-key';

export interface Regrade {
	scorePercent: number;
	passed: boolean;
	basis: RegradeBasis;
}

export function regradeTest(answerKeys: AnswerKeys, payload: TestSubmittedPayload): Regrade {
	const key = Object.hasOwn(answerKeys, payload.courseId) ? answerKeys[payload.courseId] : undefined;
	if (!key?.quiz) return { scorePercent: 0, passed: false, basis: 'no-key' };
	if (payload.courseVersion === key.version) {
		const expected = drawQuiz(key.bank, key.quiz, payload.seed);
		const sameDraw = expected.length === payload.questionIds.length && expected.every((id) => payload.questionIds.includes(id));
		if (!sameDraw) return { scorePercent: 0, passed: false, basis: 'draw-mismatch' };
	}
	const grade = gradeQuiz(key.bank, payload.questionIds, payload.answers, key.quiz.passPercent);
	return { scorePercent: grade.scorePercent, passed: grade.passed, basis: payload.courseVersion === key.version ? 'same-version' : 'other-version' };
}
