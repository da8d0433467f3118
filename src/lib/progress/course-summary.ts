/**
 * A learner's (or class's) progress in one course, as a fold of course events (DESIGN §3). Every field is a join from
 * fold.ts, so the browser's incremental summary, a full rebuild and the server's copy always agree.
 */
import type { CourseEvent } from './course-events';
import { compareText, earliestBy, joinByKey, joinRecords, latestBy, maxOrNull, nullable, or, uniqueById, unionSorted } from './fold';

/** Bump when what the fold means changes: stored summaries of another version are rebuilt from their events. */
export const RULE_VERSION = 1;

/** Where to pick up: the block reached last. A later lesson version may have moved it, so both id and index are kept. */
export interface ResumePoint {
	lessonId: string;
	lessonVersion: string;
	blockId: string;
	blockIndex: number;
	at: string;
	eventId: string;
}

export interface QuizAttempt {
	attemptId: string;
	/** As shown on the device; the server's re-grade is the evidence. */
	scorePercent: number;
	passed: boolean;
	at: string;
	/** Decides between two events that claim the same attempt: the earlier one counts. */
	eventId: string;
}

/** Keyed by subject id and course id; the subject's kind is not part of the key, since ids are unique across kinds. */
export interface CourseSummary {
	ruleVersion: number;
	subjectId: string;
	courseId: string;
	/** Completing any version of a lesson counts, so content updates never take progress away. */
	completedLessons: string[];
	/** Lessons with a resume point or an answer: "in progress" until completed. */
	startedLessons: string[];
	/** Lesson questions answered at least once (question ids are unique within a course). */
	answeredQuestions: string[];
	/** Lesson questions answered correctly at least once. */
	correctQuestions: string[];
	/** The same, per lesson, so mastery can count only the lessons a course has now. */
	correctByLesson: Record<string, string[]>;
	/** The latest block reached, by device time and then event id. */
	resume: ResumePoint | null;
	/** One per attempt id, sorted by attempt id (UUIDv7, so in the order attempts were started). */
	quizAttempts: QuizAttempt[];
	bestScorePercent: number | null;
	quizPassed: boolean;
}

export function emptyCourseSummary(subjectId: string, courseId: string): CourseSummary {
	return {
		ruleVersion: RULE_VERSION,
		subjectId,
		courseId,
		completedLessons: [],
		startedLessons: [],
		answeredQuestions: [],
		correctQuestions: [],
		correctByLesson: {},
		resume: null,
		quizAttempts: [],
		bestScorePercent: null,
		quizPassed: false
	};
}

/** What one event alone says about its subject's course. */
function summaryOfEvent(event: CourseEvent): CourseSummary {
	const summary = emptyCourseSummary(event.subject.id, event.payload.courseId);
	switch (event.type) {
		case 'lesson.progressed': {
			const { lessonId, lessonVersion, blockId, blockIndex } = event.payload;
			return {
				...summary,
				startedLessons: [lessonId],
				resume: { lessonId, lessonVersion, blockId, blockIndex, at: event.at, eventId: event.id }
			};
		}
		case 'question.answered': {
			const { lessonId, questionId, correct } = event.payload;
			return {
				...summary,
				startedLessons: [lessonId],
				answeredQuestions: [questionId],
				correctQuestions: correct ? [questionId] : [],
				correctByLesson: correct ? { [lessonId]: [questionId] } : {}
			};
		}
		case 'lesson.completed':
			return { ...summary, completedLessons: [event.payload.lessonId] };
		case 'test.submitted': {
			const { attemptId, scorePercent, passed } = event.payload;
			return withQuizResults({ ...summary, quizAttempts: [{ attemptId, scorePercent, passed, at: event.at, eventId: event.id }] });
		}
	}
}

const latestResume = nullable(latestBy((resume: ResumePoint) => ({ at: resume.at, id: resume.eventId })));
const earliestAttempt = earliestBy((attempt: QuizAttempt) => ({ at: attempt.at, id: attempt.eventId }));

/** Best score and pass follow from the attempts kept, so a discarded duplicate attempt cannot count. */
function withQuizResults(summary: CourseSummary): CourseSummary {
	return {
		...summary,
		bestScorePercent: summary.quizAttempts.map((attempt) => attempt.scorePercent).reduce<number | null>(maxOrNull, null),
		quizPassed: summary.quizAttempts.map((attempt) => attempt.passed).reduce(or, false)
	};
}

/**
 * Joins two summaries of the same subject and course, e.g. a local one and one pulled from the server.
 * Commutative, associative and idempotent: the order of joining never matters.
 */
export function mergeCourseSummaries(a: CourseSummary, b: CourseSummary): CourseSummary {
	if (a.ruleVersion !== RULE_VERSION || b.ruleVersion !== RULE_VERSION) {
		throw new RangeError(`summary made by rule ${a.ruleVersion === RULE_VERSION ? b.ruleVersion : a.ruleVersion}: rebuild it from events`);
	}
	if (a.subjectId !== b.subjectId || a.courseId !== b.courseId) {
		throw new RangeError(`cannot merge ${a.subjectId}/${a.courseId} with ${b.subjectId}/${b.courseId}`);
	}
	return withQuizResults({
		...a,
		completedLessons: unionSorted(a.completedLessons, b.completedLessons),
		startedLessons: unionSorted(a.startedLessons, b.startedLessons),
		answeredQuestions: unionSorted(a.answeredQuestions, b.answeredQuestions),
		correctQuestions: unionSorted(a.correctQuestions, b.correctQuestions),
		correctByLesson: joinRecords(a.correctByLesson, b.correctByLesson, unionSorted),
		resume: latestResume(a.resume, b.resume),
		quizAttempts: joinByKey(a.quizAttempts, b.quizAttempts, (attempt) => attempt.attemptId, earliestAttempt)
	});
}

/** The local update made in the same transaction as storing the event; agrees with a full fold in any order. */
export function applyToSummary(summary: CourseSummary | undefined, event: CourseEvent): CourseSummary {
	const contribution = summaryOfEvent(event);
	return summary === undefined ? contribution : mergeCourseSummaries(summary, contribution);
}

/**
 * Joins any number of summaries of one subject and course at once: the same result as joining them two by two
 * (every field is a join), but each list is built once instead of once per summary, so folding a batch of a thousand
 * events into a stored summary costs one union, not a thousand (the server's ingest, bench/sync).
 */
export function joinCourseSummaries(summaries: readonly CourseSummary[]): CourseSummary | undefined {
	const [first] = summaries;
	if (first === undefined) return undefined;
	if (summaries.length === 1) return first;
	const completed = new Set<string>();
	const started = new Set<string>();
	const answered = new Set<string>();
	const correct = new Set<string>();
	const correctByLesson = new Map<string, Set<string>>();
	const attempts: QuizAttempt[] = [];
	let resume: ResumePoint | null = null;
	for (const summary of summaries) {
		if (summary.ruleVersion !== RULE_VERSION) throw new RangeError(`summary made by rule ${summary.ruleVersion}: rebuild it from events`);
		if (summary.subjectId !== first.subjectId || summary.courseId !== first.courseId) {
			throw new RangeError(`cannot merge ${first.subjectId}/${first.courseId} with ${summary.subjectId}/${summary.courseId}`);
		}
		for (const id of summary.completedLessons) completed.add(id);
		for (const id of summary.startedLessons) started.add(id);
		for (const id of summary.answeredQuestions) answered.add(id);
		for (const id of summary.correctQuestions) correct.add(id);
		for (const [lessonId, questionIds] of Object.entries(summary.correctByLesson)) {
			const set = correctByLesson.get(lessonId) ?? new Set<string>();
			for (const id of questionIds) set.add(id);
			correctByLesson.set(lessonId, set);
		}
		attempts.push(...summary.quizAttempts);
		resume = latestResume(resume, summary.resume);
	}
	const sorted = (set: Set<string>) => [...set].sort(compareText);
	return withQuizResults({
		...first,
		completedLessons: sorted(completed),
		startedLessons: sorted(started),
		answeredQuestions: sorted(answered),
		correctQuestions: sorted(correct),
		correctByLesson: Object.fromEntries([...correctByLesson].sort(([x], [y]) => compareText(x, y)).map(([lessonId, set]) => [lessonId, sorted(set)])),
		resume,
		quizAttempts: joinByKey(attempts, [], (attempt) => attempt.attemptId, earliestAttempt)
	});
}

/** `applyToSummary` for many events at once (of the summary's subject and course), in one join. */
export function applyAllToSummary(summary: CourseSummary | undefined, events: readonly CourseEvent[]): CourseSummary | undefined {
	const contributions = events.map(summaryOfEvent);
	return joinCourseSummaries(summary === undefined ? contributions : [summary, ...contributions]);
}

/** Every subject's summary of every course its events mention, sorted by subject id and then course id. */
export function foldCourseSummaries(events: readonly CourseEvent[]): CourseSummary[] {
	const summaries = new Map<string, CourseSummary>();
	for (const event of uniqueById(events)) {
		const key = JSON.stringify([event.subject.id, event.payload.courseId]);
		summaries.set(key, applyToSummary(summaries.get(key), event));
	}
	return [...summaries.values()].sort((a, b) => compareText(a.subjectId, b.subjectId) || compareText(a.courseId, b.courseId));
}
