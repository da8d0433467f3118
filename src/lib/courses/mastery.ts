/** Whether a course is mastered and where each lesson stands, read from a course summary. */
import type { MasteryRule } from '$lib/content/pack.types';
import type { CourseSummary } from '$lib/progress/course-summary';

export type LessonState = 'not-started' | 'in-progress' | 'completed';

/** Distinct questions answered correctly in the given lessons (a question moved between lessons counts once). */
export function correctLessonQuestions(summary: CourseSummary, lessonIds: readonly string[]): number {
	const correct = new Set<string>();
	for (const lessonId of lessonIds) {
		const questions = Object.hasOwn(summary.correctByLesson, lessonId) ? summary.correctByLesson[lessonId] : undefined;
		for (const questionId of questions ?? []) correct.add(questionId);
	}
	return correct.size;
}

/**
 * `lessonIds` are the course's lessons as the current pack lists them: a lesson added later must be completed too, and
 * correct answers in a lesson that was removed no longer count.
 */
export function isCourseMastered(rule: MasteryRule, summary: CourseSummary | undefined, lessonIds: readonly string[]): boolean {
	if (summary === undefined) return false;
	switch (rule.rule) {
		case 'all-lessons': {
			const completed = new Set(summary.completedLessons);
			// A course always has lessons; an empty list is a caller's mistake, not a free pass.
			return lessonIds.length > 0 && lessonIds.every((lessonId) => completed.has(lessonId));
		}
		case 'quiz-passed':
			return summary.quizPassed;
		case 'm-of-n':
			return correctLessonQuestions(summary, lessonIds) >= rule.required;
	}
}

export function lessonState(summary: CourseSummary | undefined, lessonId: string): LessonState {
	if (summary?.completedLessons.includes(lessonId)) return 'completed';
	if (summary?.startedLessons.includes(lessonId)) return 'in-progress';
	return 'not-started';
}
