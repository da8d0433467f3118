/**
 * The closed set of events a course player may emit (Kolibri's rule: a renderer emits, the host records). Payloads name
 * the content and the version of it they refer to, so a summary can be rebuilt and a test re-graded years later.
 * The browser loads this file: the schema uses zod/mini to stay small.
 */
import { z } from 'zod/mini';
import { UUID_V7_PATTERN } from '../utils/ids';
import { eventSchema, type EventEnvelope } from './event';

/** What a learner answered, by question type; single- and multiple-choice both send the selected option ids. */
export type Answer =
	| { kind: 'choice'; selected: string[] }
	| { kind: 'true-false'; value: boolean }
	| { kind: 'matching'; pairs: [string, string][] }
	| { kind: 'ordering'; order: string[] }
	| { kind: 'dilemma'; choice: string };

/** The learner reached a block: the resume point. */
export interface LessonProgressedPayload {
	courseId: string;
	courseVersion: string;
	lessonId: string;
	lessonVersion: string;
	blockId: string;
	blockIndex: number;
}

export interface QuestionAnsweredPayload {
	courseId: string;
	lessonId: string;
	lessonVersion: string;
	questionId: string;
	answer: Answer;
	/** Graded on the device against the lesson version named above. */
	correct: boolean;
}

export interface LessonCompletedPayload {
	courseId: string;
	lessonId: string;
	lessonVersion: string;
}

/** A final test. The score is a display only: the drawn ids, the seed and the raw answers let the server re-grade it. */
export interface TestSubmittedPayload {
	courseId: string;
	courseVersion: string;
	/** UUIDv7 made when the attempt started. */
	attemptId: string;
	/** Unsigned 32-bit seed the questions were drawn with. */
	seed: number;
	questionIds: string[];
	answers: Record<string, Answer>;
	scorePercent: number;
	passed: boolean;
}

export type LessonProgressedEvent = EventEnvelope<'lesson.progressed', LessonProgressedPayload, 1>;
export type QuestionAnsweredEvent = EventEnvelope<'question.answered', QuestionAnsweredPayload, 1>;
export type LessonCompletedEvent = EventEnvelope<'lesson.completed', LessonCompletedPayload, 1>;
export type TestSubmittedEvent = EventEnvelope<'test.submitted', TestSubmittedPayload, 1>;

export type CourseEvent = LessonProgressedEvent | QuestionAnsweredEvent | LessonCompletedEvent | TestSubmittedEvent;
export type CourseEventType = CourseEvent['type'];

export const COURSE_EVENT_TYPES = [
	'lesson.progressed',
	'question.answered',
	'lesson.completed',
	'test.submitted'
] as const satisfies readonly CourseEventType[];

// Bounds keep a hostile or broken client from storing megabytes in one event; real content is far below them.
const contentId = z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case content id'), z.maxLength(100));
/** Content versions are hex hashes made by the content compiler. */
const contentVersion = z.string().check(z.regex(/^[0-9a-f]{8,64}$/, 'must be a content version hash'));
const contentIds = z.array(contentId).check(z.maxLength(200));

export const answerSchema = z.discriminatedUnion('kind', [
	z.strictObject({ kind: z.literal('choice'), selected: contentIds }),
	z.strictObject({ kind: z.literal('true-false'), value: z.boolean() }),
	z.strictObject({ kind: z.literal('matching'), pairs: z.array(z.tuple([contentId, contentId])).check(z.maxLength(200)) }),
	z.strictObject({ kind: z.literal('ordering'), order: contentIds }),
	z.strictObject({ kind: z.literal('dilemma'), choice: contentId })
]);

const testSubmittedPayload = z
	.strictObject({
		courseId: contentId,
		courseVersion: contentVersion,
		attemptId: z.string().check(z.regex(UUID_V7_PATTERN, 'must be a lowercase UUIDv7')),
		seed: z.int().check(z.nonnegative(), z.lte(2 ** 32 - 1)),
		questionIds: contentIds.check(z.minLength(1)),
		answers: z.record(contentId, answerSchema),
		scorePercent: z.int().check(z.gte(0), z.lte(100)),
		passed: z.boolean()
	})
	.check(
		z.refine((payload) => new Set(payload.questionIds).size === payload.questionIds.length, {
			message: 'each question is drawn once',
			path: ['questionIds']
		}),
		z.refine((payload) => Object.keys(payload.answers).every((id) => payload.questionIds.includes(id)), {
			message: 'answers only questions that were drawn',
			path: ['answers']
		})
	);

/** Validates any course event: the server rejects what fails it, with zod's issues as the reason. */
export const courseEventSchema = z.discriminatedUnion('type', [
	eventSchema(
		'lesson.progressed',
		1,
		z.strictObject({
			courseId: contentId,
			courseVersion: contentVersion,
			lessonId: contentId,
			lessonVersion: contentVersion,
			blockId: contentId,
			blockIndex: z.int().check(z.nonnegative())
		})
	),
	eventSchema(
		'question.answered',
		1,
		z.strictObject({
			courseId: contentId,
			lessonId: contentId,
			lessonVersion: contentVersion,
			questionId: contentId,
			answer: answerSchema,
			correct: z.boolean()
		})
	),
	eventSchema('lesson.completed', 1, z.strictObject({ courseId: contentId, lessonId: contentId, lessonVersion: contentVersion })),
	eventSchema('test.submitted', 1, testSubmittedPayload)
]);

export function isCourseEventType(type: string): type is CourseEventType {
	return (COURSE_EVENT_TYPES as readonly string[]).includes(type);
}
