import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod/mini';
import { courseEventSchema, isCourseEventType, type CourseEvent } from './course-events';

const envelope = {
	id: '0195f3a0-1c2d-7e3f-9a4b-5c6d7e8f9a0b',
	subject: { kind: 'learner', id: 'learner-ainura' },
	deviceId: 'phone-1',
	deviceSeq: 12,
	at: '2026-03-02T09:15:00.000Z',
	v: 1
} as const;

const progressed: CourseEvent = {
	...envelope,
	type: 'lesson.progressed',
	payload: {
		courseId: 'honest-choices',
		courseVersion: 'c0ffee01',
		lessonId: 'gifts-and-bribes',
		lessonVersion: 'a1a1a1a1',
		blockId: 'gifts-pick',
		blockIndex: 2
	}
};

const answered: CourseEvent = {
	...envelope,
	type: 'question.answered',
	payload: {
		courseId: 'honest-choices',
		lessonId: 'gifts-and-bribes',
		lessonVersion: 'a1a1a1a1',
		questionId: 'gifts-match',
		answer: { kind: 'matching', pairs: [['gift', 'no-conditions'], ['bribe', 'in-exchange']] },
		correct: true
	}
};

const completed: CourseEvent = {
	...envelope,
	recordedBy: 'teacher-gulnara',
	type: 'lesson.completed',
	payload: { courseId: 'honest-choices', lessonId: 'gifts-and-bribes', lessonVersion: 'a1a1a1a1' }
};

const submitted: CourseEvent = {
	...envelope,
	type: 'test.submitted',
	payload: {
		courseId: 'honest-choices',
		courseVersion: 'c0ffee01',
		attemptId: '0195f3a0-0000-7000-8000-00000000000a',
		seed: 4_294_967_295,
		questionIds: ['bank-one', 'bank-two', 'bank-three'],
		answers: {
			'bank-one': { kind: 'true-false', value: false },
			'bank-two': { kind: 'choice', selected: ['declare'] },
			'bank-three': { kind: 'ordering', order: ['notice', 'declare', 'step-aside'] }
		},
		scorePercent: 66,
		passed: false
	}
};

/** The issue paths zod reports for an input, to show exactly what a server would reject. */
const rejected = (input: unknown) => {
	const result = courseEventSchema.safeParse(input);
	return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
};

describe('courseEventSchema', () => {
	it('accepts each kind of course event as the player makes it', () => {
		for (const event of [progressed, answered, completed, submitted]) {
			expect(courseEventSchema.parse(event)).toEqual(event);
		}
	});

	it('accepts a dilemma choice as an answer', () => {
		const dilemma = { ...answered, payload: { ...answered.payload, answer: { kind: 'dilemma', choice: 'refuse' } } };
		expect(rejected(dilemma)).toEqual([]);
	});

	it('rejects an id that is not a lowercase UUIDv7, since ids are the dedup key', () => {
		expect(rejected({ ...completed, id: envelope.id.toUpperCase() })).toEqual(['id']);
		expect(rejected({ ...completed, id: '0195f3a0-1c2d-4e3f-9a4b-5c6d7e8f9a0b' })).toEqual(['id']);
	});

	it('rejects a device time with an offset, so every stored time compares the same way', () => {
		expect(rejected({ ...completed, at: '2026-03-02T15:15:00+06:00' })).toEqual(['at']);
	});

	it('rejects unknown types, unknown versions and unknown fields', () => {
		expect(rejected({ ...completed, type: 'lesson.skipped' })).toEqual(['type']);
		expect(rejected({ ...completed, v: 2 })).toEqual(['v']);
		expect(rejected({ ...completed, payload: { ...completed.payload, grade: 5 } })).toEqual(['payload']);
		expect(rejected({ ...completed, extra: true })).toEqual(['']);
	});

	it('rejects payloads that do not name content by id and version', () => {
		expect(rejected({ ...completed, payload: { ...completed.payload, lessonId: 'Gifts And Bribes' } })).toEqual(['payload.lessonId']);
		expect(rejected({ ...completed, payload: { courseId: 'honest-choices', lessonId: 'gifts-and-bribes' } })).toEqual([
			'payload.lessonVersion'
		]);
		expect(rejected({ ...progressed, payload: { ...progressed.payload, blockIndex: -1 } })).toEqual(['payload.blockIndex']);
	});

	it('rejects an answer that does not match any answer shape', () => {
		const wrongShape = { ...answered, payload: { ...answered.payload, answer: { kind: 'matching', pairs: [['gift']] } } };
		expect(rejected(wrongShape)).toEqual(['payload.answer.pairs.0']);
	});

	it('rejects a test whose score is out of range or whose seed is not a 32-bit integer', () => {
		if (submitted.type !== 'test.submitted') throw new Error('fixture');
		expect(rejected({ ...submitted, payload: { ...submitted.payload, scorePercent: 101 } })).toEqual(['payload.scorePercent']);
		expect(rejected({ ...submitted, payload: { ...submitted.payload, seed: 2 ** 32 } })).toEqual(['payload.seed']);
	});

	it('rejects a test that draws a question twice or answers a question it did not draw', () => {
		if (submitted.type !== 'test.submitted') throw new Error('fixture');
		const drawnTwice = { ...submitted.payload, questionIds: ['bank-one', 'bank-one', 'bank-two', 'bank-three'] };
		expect(rejected({ ...submitted, payload: drawnTwice })).toEqual(['payload.questionIds']);
		const undrawn = { ...submitted.payload, answers: { ...submitted.payload.answers, 'bank-four': { kind: 'true-false', value: true } } };
		expect(rejected({ ...submitted, payload: undrawn })).toEqual(['payload.answers']);
	});

	it('describes exactly the CourseEvent type', () => {
		expectTypeOf<z.infer<typeof courseEventSchema>>().toEqualTypeOf<CourseEvent>();
	});
});

describe('isCourseEventType', () => {
	it('knows the four course event types and nothing else', () => {
		expect(['lesson.progressed', 'question.answered', 'lesson.completed', 'test.submitted'].every(isCourseEventType)).toBe(true);
		expect(isCourseEventType('quest.choice')).toBe(false);
	});
});
