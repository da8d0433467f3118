/**
 * Whether a participant completed a teacher-training programme: a pure function over their events and the seminar's
 * sessions (issue #7). The figure "teachers trained" counts people for whom this says complete, so it must not depend
 * on the order events arrive in, on duplicates, or on which device recorded an attendance.
 */
import type { AssignmentVerdict, TrainingEvent } from '$lib/progress/training-events';

/** A training programme's rule, configurable per programme; `version` is recorded beside every figure it makes. */
export interface CompletionRule {
	version: number;
	/** Share of the seminar's sessions attended, 0–1: 0.8 of 6 sessions means 5. */
	minAttendanceShare: number;
	/** The final test's best re-graded score must reach this percentage; null when the programme has no test. */
	testPassPercent: number | null;
	/** A trainer must accept the practical assignment. */
	assignmentAccepted: boolean;
}

export const DEFAULT_COMPLETION_RULE: CompletionRule = { version: 1, minAttendanceShare: 0.8, testPassPercent: 75, assignmentAccepted: true };

export type AssignmentState = 'none' | 'submitted' | AssignmentVerdict;

/** What one participant's events say, folded: sets and maxima, so order and duplicates do not matter. */
export interface TrainingRecord {
	attendedSessions: string[];
	assignment: AssignmentState;
	/** The review that decided `assignment`, for "returned with a comment" and the audit of a figure. */
	decidingReview: { submissionId: string; eventId: string; at: string; comment: string } | null;
}

export interface CompletionInput {
	rule: CompletionRule;
	/** The sessions the seminar held (or planned): attendance is counted against these only. */
	sessionIds: readonly string[];
	record: TrainingRecord;
	/** Best server-re-graded score of the programme's final test, or null when never taken. */
	bestTestPercent: number | null;
}

export type MissingPart = 'attendance' | 'test' | 'assignment';

export interface Completion {
	complete: boolean;
	attended: number;
	required: number;
	total: number;
	testPassed: boolean;
	assignment: AssignmentState;
	/** What is still missing, in the order a participant would be told. */
	missing: MissingPart[];
}

/** Attendance needed: the share of sessions, rounded up, so "80% of 6" is 5 and never 4.8 rounded down. */
export function requiredSessions(rule: CompletionRule, total: number): number {
	// The epsilon keeps 0.8 × 5 = 4.000000000000001 from asking for 5.
	return Math.min(total, Math.ceil(rule.minAttendanceShare * total - 1e-9));
}

export function completion(input: CompletionInput): Completion {
	const { rule, sessionIds, record, bestTestPercent } = input;
	const held = new Set(sessionIds);
	const attended = new Set(record.attendedSessions.filter((session) => held.has(session))).size;
	const required = requiredSessions(rule, held.size);
	const testPassed = rule.testPassPercent === null || (bestTestPercent !== null && bestTestPercent >= rule.testPassPercent);
	const assignmentDone = !rule.assignmentAccepted || record.assignment === 'accepted';
	const missing: MissingPart[] = [];
	if (held.size === 0 || attended < required) missing.push('attendance');
	if (!testPassed) missing.push('test');
	if (!assignmentDone) missing.push('assignment');
	return { complete: missing.length === 0, attended, required, total: held.size, testPassed, assignment: record.assignment, missing };
}

export const EMPTY_TRAINING_RECORD: TrainingRecord = { attendedSessions: [], assignment: 'none', decidingReview: null };

/**
 * Folds one participant's training events of one seminar and programme. Attendance is a set union. Each submission's
 * verdict is its latest review (by device time, then event id — an order every device agrees on), so a trainer can
 * change their mind; the assignment is `accepted` once any submission is, else `submitted` while one awaits review,
 * else `returned` if one came back, else `none`.
 */
export function foldTrainingRecord(events: readonly TrainingEvent[], scope: { seminarId: string; programmeId: string }): TrainingRecord {
	const attended = new Set<string>();
	const submissions = new Set<string>();
	const verdicts = new Map<string, { submissionId: string; eventId: string; at: string; comment: string; verdict: AssignmentVerdict }>();
	for (const event of events) {
		if (event.type === 'seminar.attended') {
			if (event.payload.seminarId === scope.seminarId) attended.add(event.payload.sessionId);
			continue;
		}
		if (event.payload.programmeId !== scope.programmeId) continue;
		if (event.type === 'assignment.submitted') {
			submissions.add(event.payload.submissionId);
			continue;
		}
		const review = { submissionId: event.payload.submissionId, eventId: event.id, at: event.at, comment: event.payload.comment, verdict: event.payload.verdict };
		const before = verdicts.get(review.submissionId);
		if (!before || review.at > before.at || (review.at === before.at && review.eventId > before.eventId)) verdicts.set(review.submissionId, review);
	}
	const latestOf = (verdict: AssignmentVerdict) =>
		[...verdicts.values()].filter((review) => review.verdict === verdict).sort((a, b) => (a.at === b.at ? (a.eventId < b.eventId ? -1 : 1) : a.at < b.at ? -1 : 1)).at(-1);
	const accepted = latestOf('accepted');
	const awaiting = [...submissions].some((submissionId) => !verdicts.has(submissionId));
	const returned = latestOf('returned');
	const assignment: AssignmentState = accepted ? 'accepted' : awaiting ? 'submitted' : returned ? 'returned' : 'none';
	const deciding = accepted ?? (awaiting ? undefined : returned);
	return {
		attendedSessions: [...attended].sort(),
		assignment,
		decidingReview: deciding ? { submissionId: deciding.submissionId, eventId: deciding.eventId, at: deciding.at, comment: deciding.comment } : null
	};
}
