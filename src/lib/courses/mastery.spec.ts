import { describe, expect, it } from 'vitest';
import type { CourseEvent } from '$lib/progress/course-events';
import { foldCourseSummaries, type CourseSummary } from '$lib/progress/course-summary';
import { correctLessonQuestions, isCourseMastered, lessonState } from './mastery';

const LESSONS = ['gifts-and-bribes', 'saying-no', 'reporting'];

/** A learner's story in one course, as the events their phone recorded. */
function learner() {
	const events: CourseEvent[] = [];
	const base = () => {
		const n = events.length + 1;
		return {
			id: `0195f3a0-${String(n).padStart(4, '0')}-7000-8000-000000000000`,
			subject: { kind: 'learner' as const, id: 'learner-ainura' },
			deviceId: 'phone-1',
			deviceSeq: n,
			v: 1 as const,
			at: new Date(Date.UTC(2026, 2, 2, 9, 0, n)).toISOString()
		};
	};
	const courseId = 'honest-choices';
	const story = {
		reaches(lessonId: string, blockId: string, blockIndex: number) {
			events.push({
				...base(),
				type: 'lesson.progressed',
				payload: { courseId, courseVersion: 'c0ffee01', lessonId, lessonVersion: 'a1a1a1a1', blockId, blockIndex }
			});
			return story;
		},
		answers(lessonId: string, questionId: string, correct: boolean) {
			events.push({
				...base(),
				type: 'question.answered',
				payload: { courseId, lessonId, lessonVersion: 'a1a1a1a1', questionId, answer: { kind: 'true-false', value: correct }, correct }
			});
			return story;
		},
		completes(lessonId: string, lessonVersion = 'a1a1a1a1') {
			events.push({ ...base(), type: 'lesson.completed', payload: { courseId, lessonId, lessonVersion } });
			return story;
		},
		takesQuiz(scorePercent: number, passed: boolean) {
			const n = events.length + 1;
			events.push({
				...base(),
				type: 'test.submitted',
				payload: {
					courseId,
					courseVersion: 'c0ffee01',
					attemptId: `0195f3a0-${String(n).padStart(4, '0')}-7000-8000-00000000000a`,
					seed: n,
					questionIds: ['bank-one'],
					answers: {},
					scorePercent,
					passed
				}
			});
			return story;
		},
		summary(): CourseSummary | undefined {
			return foldCourseSummaries(events)[0];
		}
	};
	return story;
}

describe('isCourseMastered: all lessons', () => {
	const rule = { rule: 'all-lessons' } as const;

	it('needs every lesson of the course completed', () => {
		const partway = learner().completes('gifts-and-bribes').completes('saying-no');
		expect(isCourseMastered(rule, partway.summary(), LESSONS)).toBe(false);
		expect(isCourseMastered(rule, partway.completes('reporting').summary(), LESSONS)).toBe(true);
	});

	it('accepts lessons completed in an older version', () => {
		const summary = learner().completes('gifts-and-bribes', 'a0a0a0a0').completes('saying-no').completes('reporting', 'a0a0a0a1').summary();
		expect(isCourseMastered(rule, summary, LESSONS)).toBe(true);
	});

	it('asks for a lesson added to the course after the learner finished', () => {
		const summary = learner().completes('gifts-and-bribes').completes('saying-no').completes('reporting').summary();
		expect(isCourseMastered(rule, summary, [...LESSONS, 'new-law-2026'])).toBe(false);
	});

	it('is not mastered with no progress, or against an empty lesson list', () => {
		expect(isCourseMastered(rule, undefined, LESSONS)).toBe(false);
		expect(isCourseMastered(rule, learner().completes('saying-no').summary(), [])).toBe(false);
	});
});

describe('isCourseMastered: quiz passed', () => {
	const rule = { rule: 'quiz-passed' } as const;

	it('needs a passed attempt; a later failed attempt does not undo it', () => {
		const failedOnce = learner().takesQuiz(40, false);
		expect(isCourseMastered(rule, failedOnce.summary(), LESSONS)).toBe(false);
		expect(isCourseMastered(rule, failedOnce.takesQuiz(90, true).takesQuiz(10, false).summary(), LESSONS)).toBe(true);
	});

	it('ignores completed lessons', () => {
		const summary = learner().completes('gifts-and-bribes').completes('saying-no').completes('reporting').summary();
		expect(isCourseMastered(rule, summary, LESSONS)).toBe(false);
	});
});

describe('isCourseMastered: m of n', () => {
	const rule = { rule: 'm-of-n', required: 2 } as const;

	it('needs the required number of lesson questions answered correctly at least once', () => {
		const story = learner().answers('gifts-and-bribes', 'gifts-pick', true).answers('saying-no', 'no-dilemma', false);
		expect(isCourseMastered(rule, story.summary(), LESSONS)).toBe(false);
		expect(isCourseMastered(rule, story.answers('saying-no', 'no-dilemma', true).summary(), LESSONS)).toBe(true);
	});

	it('counts a question answered right twice once', () => {
		const summary = learner().answers('saying-no', 'no-dilemma', true).answers('saying-no', 'no-dilemma', true).summary();
		expect(isCourseMastered(rule, summary, LESSONS)).toBe(false);
	});

	it('counts only lessons the course still has', () => {
		const summary = learner().answers('gifts-and-bribes', 'gifts-pick', true).answers('retired-lesson', 'old-question', true).summary();
		expect(summary && correctLessonQuestions(summary, LESSONS)).toBe(1);
		expect(isCourseMastered(rule, summary, LESSONS)).toBe(false);
		expect(isCourseMastered(rule, summary, [...LESSONS, 'retired-lesson'])).toBe(true);
	});
});

describe('lessonState', () => {
	it('is not started before anything happens in the lesson', () => {
		expect(lessonState(undefined, 'saying-no')).toBe('not-started');
		expect(lessonState(learner().reaches('gifts-and-bribes', 'gifts-intro', 0).summary(), 'saying-no')).toBe('not-started');
	});

	it('is in progress once the learner reached a block or answered a question in it', () => {
		const summary = learner().reaches('gifts-and-bribes', 'gifts-intro', 0).answers('saying-no', 'no-dilemma', false).summary();
		expect(lessonState(summary, 'gifts-and-bribes')).toBe('in-progress');
		expect(lessonState(summary, 'saying-no')).toBe('in-progress');
	});

	it('stays in progress for an earlier lesson after the learner moved on', () => {
		const summary = learner().reaches('gifts-and-bribes', 'gifts-pick', 1).reaches('saying-no', 'no-intro', 0).summary();
		expect(summary?.resume?.lessonId).toBe('saying-no');
		expect(lessonState(summary, 'gifts-and-bribes')).toBe('in-progress');
	});

	it('is completed once completed, in any version, even if the learner goes back into it', () => {
		const summary = learner().reaches('saying-no', 'no-intro', 0).completes('saying-no', 'a0a0a0a0').reaches('saying-no', 'no-intro', 0).summary();
		expect(lessonState(summary, 'saying-no')).toBe('completed');
	});
});
