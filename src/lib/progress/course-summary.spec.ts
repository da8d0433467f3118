import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createUuidV7 } from '../utils/ids';
import { courseEventSchema, type Answer, type CourseEvent } from './course-events';
import { compareText } from './fold';
import {
	applyAllToSummary,
	applyToSummary,
	emptyCourseSummary,
	foldCourseSummaries,
	mergeCourseSummaries,
	RULE_VERSION,
	type CourseSummary
} from './course-summary';

// ---- A small course world and a factory for its events -------------------------------------------------------------

const BASE_TIME = Date.UTC(2026, 2, 2, 9, 0, 0);
const LEARNERS = ['learner-ainura', 'learner-bakyt', 'learner-chynara'] as const;
const COURSES = [
	{
		id: 'honest-choices',
		versions: ['c0ffee01', 'c0ffee02'],
		lessons: [
			{ id: 'gifts-and-bribes', versions: ['a1a1a1a1', 'a2a2a2a2'], blocks: ['gifts-intro', 'gifts-pick', 'gifts-order'] },
			{ id: 'saying-no', versions: ['b1b1b1b1'], blocks: ['no-intro', 'no-dilemma'] }
		]
	},
	{
		id: 'integrity-public-service',
		versions: ['d00d0001'],
		lessons: [{ id: 'conflicts', versions: ['e1e1e1e1', 'e2e2e2e2'], blocks: ['conflicts-intro', 'conflicts-tf', 'conflicts-match'] }]
	}
] as const;
/** A few attempt ids per course, so two events sometimes claim the same attempt. */
const ATTEMPT_IDS = ['0195f3a0-0000-7000-8000-00000000000a', '0195f3a0-0000-7000-8000-00000000000b'] as const;

type Envelope = Pick<CourseEvent, 'id' | 'subject' | 'deviceId' | 'deviceSeq' | 'at' | 'v'>;

let sequence = 0;
/** An envelope at `second` seconds after BASE_TIME; the id's random part makes ties between equal times arbitrary. */
function envelope(learner: string, second: number, randomBytes: Uint8Array = Uint8Array.from({ length: 10 }, () => ++sequence % 256)): Envelope {
	const time = BASE_TIME + second * 1000;
	return {
		id: createUuidV7(() => time, () => randomBytes),
		subject: { kind: 'learner', id: learner },
		deviceId: 'phone-1',
		deviceSeq: 1,
		at: new Date(time).toISOString(),
		v: 1
	};
}

const progressed = (base: Envelope, courseId: string, lessonId: string, blockId: string, blockIndex: number, lessonVersion = 'a1a1a1a1'): CourseEvent => ({
	...base,
	type: 'lesson.progressed',
	payload: { courseId, courseVersion: 'c0ffee01', lessonId, lessonVersion, blockId, blockIndex }
});
const answered = (base: Envelope, courseId: string, lessonId: string, questionId: string, correct: boolean): CourseEvent => {
	const answer: Answer = { kind: 'true-false', value: correct };
	return { ...base, type: 'question.answered', payload: { courseId, lessonId, lessonVersion: 'a1a1a1a1', questionId, answer, correct } };
};
const completed = (base: Envelope, courseId: string, lessonId: string, lessonVersion = 'a1a1a1a1'): CourseEvent => ({
	...base,
	type: 'lesson.completed',
	payload: { courseId, lessonId, lessonVersion }
});
const submitted = (base: Envelope, courseId: string, attemptId: string, scorePercent: number): CourseEvent => ({
	...base,
	type: 'test.submitted',
	payload: {
		courseId,
		courseVersion: 'c0ffee01',
		attemptId,
		seed: 7,
		questionIds: ['bank-one'],
		answers: { 'bank-one': { kind: 'true-false', value: true } },
		scorePercent,
		passed: scorePercent >= 70
	}
});

const only = (summaries: CourseSummary[]): CourseSummary => {
	expect(summaries).toHaveLength(1);
	return summaries[0] as CourseSummary;
};

// ---- Behaviour, told as stories -------------------------------------------------------------------------------------

describe('foldCourseSummaries', () => {
	it('has nothing to say about no events', () => {
		expect(foldCourseSummaries([])).toEqual([]);
	});

	it('resumes where the learner got to last, by device time, whatever order the events arrive in', () => {
		const first = progressed(envelope('learner-ainura', 10), 'honest-choices', 'gifts-and-bribes', 'gifts-intro', 0);
		const later = progressed(envelope('learner-ainura', 20), 'honest-choices', 'gifts-and-bribes', 'gifts-pick', 1);
		const summary = only(foldCourseSummaries([later, first]));
		expect(summary.resume).toEqual({
			lessonId: 'gifts-and-bribes',
			lessonVersion: 'a1a1a1a1',
			blockId: 'gifts-pick',
			blockIndex: 1,
			at: later.at,
			eventId: later.id
		});
		expect(summary.startedLessons).toEqual(['gifts-and-bribes']);
	});

	it('breaks a tie between equal device times by the larger event id, even when the times are written differently', () => {
		const a = progressed(envelope('learner-ainura', 5, new Uint8Array(10).fill(0x01)), 'honest-choices', 'saying-no', 'no-intro', 0);
		const b = progressed(envelope('learner-ainura', 5, new Uint8Array(10).fill(0x0f)), 'honest-choices', 'saying-no', 'no-dilemma', 1);
		const sameInstant = { ...b, at: b.at.replace('.000Z', 'Z') };
		expect(a.id < b.id).toBe(true);
		expect(only(foldCourseSummaries([a, sameInstant])).resume?.blockId).toBe('no-dilemma');
		expect(only(foldCourseSummaries([sameInstant, a])).resume?.blockId).toBe('no-dilemma');
	});

	it('counts a lesson completed in an older version as completed', () => {
		const summary = only(foldCourseSummaries([completed(envelope('learner-bakyt', 1), 'honest-choices', 'gifts-and-bribes', 'a0a0a0a0')]));
		expect(summary.completedLessons).toEqual(['gifts-and-bribes']);
	});

	it('keeps a question correct once it was answered correctly, even if a later try was wrong', () => {
		const summary = only(
			foldCourseSummaries([
				answered(envelope('learner-ainura', 1), 'honest-choices', 'gifts-and-bribes', 'gifts-pick', false),
				answered(envelope('learner-ainura', 2), 'honest-choices', 'gifts-and-bribes', 'gifts-pick', true),
				answered(envelope('learner-ainura', 3), 'honest-choices', 'gifts-and-bribes', 'gifts-pick', false),
				answered(envelope('learner-ainura', 4), 'honest-choices', 'saying-no', 'no-dilemma', false)
			])
		);
		expect(summary.answeredQuestions).toEqual(['gifts-pick', 'no-dilemma']);
		expect(summary.correctQuestions).toEqual(['gifts-pick']);
		expect(summary.correctByLesson).toEqual({ 'gifts-and-bribes': ['gifts-pick'] });
		expect(summary.startedLessons).toEqual(['gifts-and-bribes', 'saying-no']);
	});

	it('lists quiz attempts once each, keeps the best score and remembers a pass', () => {
		const [firstAttempt, secondAttempt] = ATTEMPT_IDS;
		const summary = only(
			foldCourseSummaries([
				submitted(envelope('learner-chynara', 30), 'honest-choices', secondAttempt, 55),
				submitted(envelope('learner-chynara', 10), 'honest-choices', firstAttempt, 80)
			])
		);
		expect(summary.quizAttempts.map((attempt) => [attempt.attemptId, attempt.scorePercent, attempt.passed])).toEqual([
			[firstAttempt, 80, true],
			[secondAttempt, 55, false]
		]);
		expect(summary.bestScorePercent).toBe(80);
		expect(summary.quizPassed).toBe(true);
	});

	it('lets the earlier event win when two events claim the same attempt, and scores only what it kept', () => {
		const [attemptId] = ATTEMPT_IDS;
		const original = submitted(envelope('learner-chynara', 10), 'honest-choices', attemptId, 40);
		const replay = submitted(envelope('learner-chynara', 50), 'honest-choices', attemptId, 100);
		for (const events of [[original, replay], [replay, original]]) {
			const summary = only(foldCourseSummaries(events));
			expect(summary.quizAttempts).toEqual([{ attemptId, scorePercent: 40, passed: false, at: original.at, eventId: original.id }]);
			expect(summary.bestScorePercent).toBe(40);
			expect(summary.quizPassed).toBe(false);
		}
	});

	it('makes one summary per subject and course, sorted by subject id and then course id', () => {
		const summaries = foldCourseSummaries([
			completed(envelope('learner-bakyt', 1), 'integrity-public-service', 'conflicts'),
			completed(envelope('learner-ainura', 2), 'integrity-public-service', 'conflicts'),
			completed(envelope('learner-bakyt', 3), 'honest-choices', 'saying-no')
		]);
		expect(summaries.map((summary) => [summary.subjectId, summary.courseId, summary.ruleVersion])).toEqual([
			['learner-ainura', 'integrity-public-service', RULE_VERSION],
			['learner-bakyt', 'honest-choices', RULE_VERSION],
			['learner-bakyt', 'integrity-public-service', RULE_VERSION]
		]);
	});
});

describe('applyToSummary and mergeCourseSummaries', () => {
	it('starts a summary from the first event of a subject and course', () => {
		const event = completed(envelope('learner-ainura', 1), 'honest-choices', 'saying-no');
		expect(applyToSummary(undefined, event)).toEqual({ ...emptyCourseSummary('learner-ainura', 'honest-choices'), completedLessons: ['saying-no'] });
	});

	it('ignores an event applied twice', () => {
		const event = answered(envelope('learner-ainura', 1), 'honest-choices', 'saying-no', 'no-dilemma', true);
		const once = applyToSummary(undefined, event);
		expect(applyToSummary(once, event)).toEqual(once);
	});

	it("refuses another subject's or course's event", () => {
		const summary = emptyCourseSummary('learner-ainura', 'honest-choices');
		expect(() => applyToSummary(summary, completed(envelope('learner-bakyt', 1), 'honest-choices', 'saying-no'))).toThrow(RangeError);
		expect(() => applyToSummary(summary, completed(envelope('learner-ainura', 1), 'integrity-public-service', 'conflicts'))).toThrow(
			RangeError
		);
	});

	it('refuses to update a summary made by another rule version: it has to be rebuilt from events', () => {
		const stale = { ...emptyCourseSummary('learner-ainura', 'honest-choices'), ruleVersion: RULE_VERSION - 1 };
		expect(() => applyToSummary(stale, completed(envelope('learner-ainura', 1), 'honest-choices', 'saying-no'))).toThrow(/rebuild/);
	});

	it("joins a phone's summary with the server's into the summary of all their events", () => {
		const onPhone = [completed(envelope('learner-ainura', 1), 'honest-choices', 'saying-no')];
		const onServer = [
			completed(envelope('learner-ainura', 2), 'honest-choices', 'gifts-and-bribes'),
			submitted(envelope('learner-ainura', 3), 'honest-choices', ATTEMPT_IDS[0], 90)
		];
		const joined = mergeCourseSummaries(only(foldCourseSummaries(onPhone)), only(foldCourseSummaries(onServer)));
		expect(joined).toEqual(only(foldCourseSummaries([...onPhone, ...onServer])));
		expect(joined.completedLessons).toEqual(['gifts-and-bribes', 'saying-no']);
		expect(joined.quizPassed).toBe(true);
	});
});

// ---- Order-insensitivity, as properties (DESIGN §3) -----------------------------------------------------------------

const RUNS = { numRuns: 1000 };

/** An event of 1–3 learners in 1–2 courses, within 20 seconds so that equal device times are common. */
const courseEventArbitrary: fc.Arbitrary<CourseEvent> = fc
	.record({
		learner: fc.constantFrom(...LEARNERS),
		course: fc.constantFrom(...COURSES),
		type: fc.constantFrom('lesson.progressed', 'question.answered', 'lesson.completed', 'test.submitted'),
		second: fc.integer({ min: 0, max: 20 }),
		randomBytes: fc.uint8Array({ minLength: 10, maxLength: 10 }),
		lessonPick: fc.nat(),
		blockPick: fc.nat(),
		versionPick: fc.nat(),
		correct: fc.boolean(),
		attemptId: fc.constantFrom(...ATTEMPT_IDS),
		scorePercent: fc.integer({ min: 0, max: 100 })
	})
	.map((draw): CourseEvent => {
		const base = envelope(draw.learner, draw.second, draw.randomBytes);
		const lesson = draw.course.lessons[draw.lessonPick % draw.course.lessons.length] ?? draw.course.lessons[0];
		const blockIndex = draw.blockPick % lesson.blocks.length;
		const blockId = lesson.blocks[blockIndex] ?? lesson.blocks[0];
		const lessonVersion = lesson.versions[draw.versionPick % lesson.versions.length] ?? lesson.versions[0];
		const courseVersion = draw.course.versions[draw.versionPick % draw.course.versions.length] ?? draw.course.versions[0];
		switch (draw.type) {
			case 'lesson.progressed':
				return { ...base, type: draw.type, payload: { courseId: draw.course.id, courseVersion, lessonId: lesson.id, lessonVersion, blockId, blockIndex } };
			case 'question.answered':
				return {
					...base,
					type: draw.type,
					payload: {
						courseId: draw.course.id,
						lessonId: lesson.id,
						lessonVersion,
						questionId: blockId,
						answer: { kind: 'choice', selected: [blockId] },
						correct: draw.correct
					}
				};
			case 'lesson.completed':
				return { ...base, type: draw.type, payload: { courseId: draw.course.id, lessonId: lesson.id, lessonVersion } };
			case 'test.submitted':
				return submitted(base, draw.course.id, draw.attemptId, draw.scorePercent);
		}
	});

/** A realistic event set: distinct ids, because events are immutable and an id names exactly one event. */
const eventSet = fc.uniqueArray(courseEventArbitrary, { minLength: 1, maxLength: 40, selector: (event) => event.id });

/** Any order of a list. */
const permutationOf = <T>(items: readonly T[]) => fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });

const bySubjectThenCourse = (a: CourseSummary, b: CourseSummary) => compareText(a.subjectId, b.subjectId) || compareText(a.courseId, b.courseId);

/** Folds events one at a time with applyToSummary, as the browser does when it stores each event. */
function applyOneByOne(events: readonly CourseEvent[]): CourseSummary[] {
	const summaries = new Map<string, CourseSummary>();
	for (const event of events) {
		const key = JSON.stringify([event.subject.id, event.payload.courseId]);
		summaries.set(key, applyToSummary(summaries.get(key), event));
	}
	return [...summaries.values()].sort(bySubjectThenCourse);
}

/** Joins two devices' folds summary by summary, as a sync does with a local and a pulled summary. */
function joinFolds(left: readonly CourseSummary[], right: readonly CourseSummary[]): CourseSummary[] {
	const joined = new Map(left.map((summary) => [JSON.stringify([summary.subjectId, summary.courseId]), summary]));
	for (const summary of right) {
		const key = JSON.stringify([summary.subjectId, summary.courseId]);
		const existing = joined.get(key);
		joined.set(key, existing ? mergeCourseSummaries(existing, summary) : summary);
	}
	return [...joined.values()].sort(bySubjectThenCourse);
}

const shuffledScenario = eventSet.chain((events) => fc.record({ events: fc.constant(events), arrived: permutationOf(events) }));

const resentScenario = eventSet.chain((events) =>
	fc
		.array(fc.constantFrom(...events), { maxLength: 40 })
		.chain((copies) => fc.record({ events: fc.constant(events), arrived: permutationOf([...events, ...copies]) }))
);

/** Each event is on the phone, the tablet or both (synced to it); every device holds its events in any order. */
const twoDeviceScenario = eventSet.chain((events) =>
	fc.array(fc.constantFrom('phone', 'tablet', 'both'), { minLength: events.length, maxLength: events.length }).chain((places) => {
		const on = (device: string) => events.filter((_, index) => places[index] === device || places[index] === 'both');
		return fc.record({
			events: fc.constant(events),
			phone: permutationOf(on('phone')),
			tablet: permutationOf(on('tablet')),
			union: permutationOf([...on('phone'), ...on('tablet')])
		});
	})
);

describe('the course fold does not depend on order, duplicates or devices', () => {
	it('is tested with events the server would accept', () => {
		fc.assert(
			fc.property(courseEventArbitrary, (event) => {
				expect(courseEventSchema.safeParse(event).success).toBe(true);
			})
		);
	});

	it('gives the same summaries when the events are shuffled', () => {
		fc.assert(
			fc.property(shuffledScenario, ({ events, arrived }) => {
				expect(foldCourseSummaries(arrived)).toStrictEqual(foldCourseSummaries(events));
			}),
			RUNS
		);
	});

	it('gives the same summaries when any events arrive more than once', () => {
		fc.assert(
			fc.property(resentScenario, ({ events, arrived }) => {
				expect(foldCourseSummaries(arrived)).toStrictEqual(foldCourseSummaries(events));
			}),
			RUNS
		);
	});

	it('gives the same summaries when the events are split across two devices and their union is folded in any interleaving', () => {
		fc.assert(
			fc.property(twoDeviceScenario, ({ events, phone, tablet, union }) => {
				const everything = foldCourseSummaries(events);
				expect(foldCourseSummaries(union)).toStrictEqual(everything);
				expect(joinFolds(foldCourseSummaries(phone), foldCourseSummaries(tablet))).toStrictEqual(everything);
			}),
			RUNS
		);
	});

	it('agrees with the full fold when events are applied one by one in any order, resent ones included', () => {
		fc.assert(
			fc.property(resentScenario, ({ events, arrived }) => {
				expect(applyOneByOne(arrived)).toStrictEqual(foldCourseSummaries(events));
			}),
			RUNS
		);
	});

	it('gives the same summary when a batch is applied at once as when its events are applied one by one', () => {
		fc.assert(
			fc.property(resentScenario, fc.nat(), ({ arrived }, cut) => {
				// What was folded before is a stored summary; the rest arrives as one batch per subject and course.
				const split = cut % (arrived.length + 1);
				const stored = new Map(applyOneByOne(arrived.slice(0, split)).map((summary) => [JSON.stringify([summary.subjectId, summary.courseId]), summary]));
				const batches = new Map<string, CourseEvent[]>();
				for (const event of arrived.slice(split)) {
					const key = JSON.stringify([event.subject.id, event.payload.courseId]);
					batches.set(key, [...(batches.get(key) ?? []), event]);
				}
				for (const [key, batch] of batches) stored.set(key, applyAllToSummary(stored.get(key), batch)!);
				const atOnce = [...stored.values()].sort(bySubjectThenCourse);
				expect(atOnce).toStrictEqual(applyOneByOne(arrived));
				expect(atOnce.map((summary) => JSON.stringify(summary))).toEqual(applyOneByOne(arrived).map((summary) => JSON.stringify(summary)));
			}),
			RUNS
		);
	});
});
