import { z } from 'zod';

/** Authored structure of a course (content/courses/<id>/*.yaml). Text lives apart, in text.<locale>.yaml. */

export const CONTENT_LOCALES = ['ky', 'ru', 'en'] as const;
export type ContentLocale = (typeof CONTENT_LOCALES)[number];

export const AUDIENCES = ['schoolchildren', 'youth', 'civil-servants', 'teachers'] as const;
export type Audience = (typeof AUDIENCES)[number];

const id = z
	.string()
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case: lowercase letters, digits and single hyphens');

export const courseSchema = z.strictObject({
	id,
	sourceLocale: z.enum(['ky', 'ru']),
	audiences: z.array(z.enum(AUDIENCES)).min(1),
	mandatory: z.boolean().default(false),
	lessons: z.array(id).min(1),
	quiz: z
		.strictObject({
			draw: z.int().positive(),
			passPercent: z.int().min(1).max(100),
			attempts: z.int().positive()
		})
		.optional(),
	/**
	 * A training programme's completion rule (a course with facilitator guides; issue #7): the share of seminar
	 * sessions attended, the final test's pass mark (null: no test counts) and whether a trainer must accept the
	 * practical assignment. Raise `version` whenever the rule changes; each seminar keeps the rule it was scheduled with.
	 */
	completion: z
		.strictObject({
			version: z.int().positive(),
			minAttendanceShare: z.number().gt(0).max(1),
			testPassPercent: z.int().min(1).max(100).nullable(),
			assignmentAccepted: z.boolean()
		})
		.optional(),
	mastery: z.discriminatedUnion('rule', [
		z.strictObject({ rule: z.literal('all-lessons') }),
		z.strictObject({ rule: z.literal('quiz-passed') }),
		z.strictObject({ rule: z.literal('m-of-n'), required: z.int().positive() })
	])
});

const mediaSource = z.string().regex(/^media\/[\w./-]+\.(svg|png|webp|jpg|mp3|ogg|webm|mp4)$/, 'must be a file under media/');

// Answer keys are optional in the schema so that a missing one is reported as "has no correct answer".
const singleChoice = z.strictObject({ id, type: z.literal('single-choice'), options: z.array(id), correct: id.optional() });
const multipleChoice = z.strictObject({
	id,
	type: z.literal('multiple-choice'),
	options: z.array(id),
	correct: z.array(id).optional()
});
const trueFalse = z.strictObject({ id, type: z.literal('true-false'), correct: z.boolean().optional() });
const matching = z.strictObject({ id, type: z.literal('matching'), pairs: z.array(z.tuple([id, id])) });
const ordering = z.strictObject({ id, type: z.literal('ordering'), order: z.array(id) });
const dilemma = z.strictObject({
	id,
	type: z.literal('dilemma'),
	choices: z.array(z.strictObject({ id, outcome: z.enum(['best', 'acceptable', 'harmful']) }))
});

export const questionSchema = z.discriminatedUnion('type', [singleChoice, multipleChoice, trueFalse, matching, ordering]);

const lessonReference = { lesson: id.optional() };
export const bankQuestionSchema = z.discriminatedUnion('type', [
	singleChoice.extend(lessonReference),
	multipleChoice.extend(lessonReference),
	trueFalse.extend(lessonReference),
	matching.extend(lessonReference),
	ordering.extend(lessonReference)
]);

export const blockSchema = z.discriminatedUnion('type', [
	z.strictObject({ id, type: z.literal('text') }),
	z.strictObject({ id, type: z.literal('image'), src: mediaSource }),
	z.strictObject({ id, type: z.literal('audio'), src: mediaSource, bytes: z.int().positive() }),
	z.strictObject({ id, type: z.literal('video'), src: mediaSource, poster: mediaSource, bytes: z.int().positive() }),
	singleChoice,
	multipleChoice,
	trueFalse,
	matching,
	ordering,
	dilemma
]);

export const lessonSchema = z.strictObject({
	id,
	// 5–10 for a learner's lesson; a seminar session of a teacher-training course (done in the room) runs to 90.
	minutes: z.int().min(1).max(90),
	blocks: z.array(blockSchema).min(1)
});

export const bankSchema = z.strictObject({
	questions: z.array(bankQuestionSchema).min(1)
});

/**
 * A course's practical assignment (optional, `assignment.yaml`): the template a participant fills in, the reflection
 * prompts, the photos asked for, and the criteria a trainer accepts it by. Submitting and reviewing are the app's.
 */
export const assignmentSchema = z.strictObject({
	/** The template, in order: `line` is one line (a topic, an age), `text` a paragraph or a list. */
	plan: z.array(z.strictObject({ id, kind: z.enum(['line', 'text']) })).min(1),
	/** Prompts answered after teaching the planned lesson, in order. */
	reflection: z.array(id).min(1),
	photos: z.strictObject({ min: z.int().min(0), max: z.int().positive() }),
	/** `required: true` — the assignment is returned for rework when it is not met. */
	criteria: z.array(z.strictObject({ id, required: z.boolean() })).min(1)
});

export const textFileSchema = z.strictObject({
	translatedFrom: z.record(z.string(), z.string()).optional(),
	texts: z.record(z.string(), z.string())
});

export type CourseStructure = z.infer<typeof courseSchema>;
export type LessonStructure = z.infer<typeof lessonSchema>;
export type BlockStructure = z.infer<typeof blockSchema>;
export type QuestionStructure = z.infer<typeof questionSchema>;
export type BankQuestionStructure = z.infer<typeof bankQuestionSchema>;
export type BankStructure = z.infer<typeof bankSchema>;
export type TextFile = z.infer<typeof textFileSchema>;
export type AssignmentStructure = z.infer<typeof assignmentSchema>;

export const QUESTION_TYPES = ['single-choice', 'multiple-choice', 'true-false', 'matching', 'ordering', 'dilemma'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
