import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TrainingEvent } from '$lib/progress/training-events';
import { completion, DEFAULT_COMPLETION_RULE, EMPTY_TRAINING_RECORD, foldTrainingRecord, requiredSessions } from './completion';

const SESSIONS = ['s1', 's2', 's3', 's4', 's5', 's6'];
const SCOPE = { seminarId: 'seminar-osh', programmeId: 'teaching-integrity-interactively' };
const SUBMISSIONS = ['0190c000-0000-7000-8000-000000000001', '0190c000-0000-7000-8000-000000000002'];

let serial = 0;
const envelope = (at: string) => ({
	id: `0190c0de-0000-7000-8000-${String(++serial).padStart(12, '0')}`,
	subject: { kind: 'learner' as const, id: 'teacher-1' },
	deviceId: 'd',
	deviceSeq: serial,
	v: 1 as const,
	at
});
const attended = (sessionId: string, seminarId = SCOPE.seminarId, at = '2026-12-01T09:00:00.000Z'): TrainingEvent => ({
	...envelope(at),
	type: 'seminar.attended',
	payload: { seminarId, sessionId, method: 'roster' }
});
const submitted = (submissionId: string, at = '2026-12-02T09:00:00.000Z'): TrainingEvent => ({
	...envelope(at),
	type: 'assignment.submitted',
	payload: { programmeId: SCOPE.programmeId, submissionId, lessonPlan: 'plan', reflection: 'reflection', attachments: [] }
});
const reviewed = (submissionId: string, verdict: 'accepted' | 'returned', at: string): TrainingEvent => ({
	...envelope(at),
	type: 'assignment.reviewed',
	payload: { programmeId: SCOPE.programmeId, submissionId, verdict, comment: verdict === 'returned' ? 'Add the debrief questions.' : '' }
});

const complete = (events: TrainingEvent[], bestTestPercent: number | null) =>
	completion({ rule: DEFAULT_COMPLETION_RULE, sessionIds: SESSIONS, record: foldTrainingRecord(events, SCOPE), bestTestPercent });

/** Any mix of a participant's training events, some of another seminar, with reviews at a handful of times. */
const anyEvents = fc.array(
	fc.oneof(
		fc.record({ session: fc.constantFrom(...SESSIONS, 'not-held'), other: fc.boolean() }).map(({ session, other }) => attended(session, other ? 'seminar-naryn' : SCOPE.seminarId)),
		fc.constantFrom(...SUBMISSIONS).map((id) => submitted(id)),
		fc
			.record({ id: fc.constantFrom(...SUBMISSIONS), verdict: fc.constantFrom('accepted' as const, 'returned' as const), minute: fc.integer({ min: 0, max: 5 }) })
			.map(({ id, verdict, minute }) => reviewed(id, verdict, `2026-12-03T09:0${minute}:00.000Z`))
	),
	{ maxLength: 30 }
);

describe('the default completion rule', () => {
	it('asks for 5 of 6 sessions, a test at 75% or more and an accepted assignment — and says what is missing', () => {
		const fiveSessions = SESSIONS.slice(0, 5).map((session) => attended(session));
		const accepted = [submitted(SUBMISSIONS[0]!), reviewed(SUBMISSIONS[0]!, 'accepted', '2026-12-03T09:00:00.000Z')];
		expect(complete([...fiveSessions, ...accepted], 75)).toMatchObject({ complete: true, attended: 5, required: 5, total: 6, missing: [] });
		expect(complete([...fiveSessions.slice(1), ...accepted], 75)).toMatchObject({ complete: false, attended: 4, missing: ['attendance'] });
		expect(complete([...fiveSessions, ...accepted], 74)).toMatchObject({ complete: false, missing: ['test'] });
		expect(complete([...fiveSessions, ...accepted], null)).toMatchObject({ complete: false, missing: ['test'] });
		expect(complete([...fiveSessions, submitted(SUBMISSIONS[0]!)], 90)).toMatchObject({ complete: false, assignment: 'submitted', missing: ['assignment'] });
		expect(complete([], null)).toMatchObject({ complete: false, missing: ['attendance', 'test', 'assignment'] });
	});

	it('rounds the share of sessions up and never asks for more sessions than were held', () => {
		expect([1, 2, 3, 4, 5, 6, 10].map((total) => requiredSessions(DEFAULT_COMPLETION_RULE, total))).toEqual([1, 2, 3, 4, 4, 5, 8]);
		expect(requiredSessions({ ...DEFAULT_COMPLETION_RULE, minAttendanceShare: 1 }, 6)).toBe(6);
		expect(completion({ rule: DEFAULT_COMPLETION_RULE, sessionIds: [], record: EMPTY_TRAINING_RECORD, bestTestPercent: 100 }).missing).toContain('attendance');
	});

	it('follows a return, a resubmission and an acceptance; a trainer who changes their mind is followed by the later review', () => {
		const [first, second] = SUBMISSIONS as [string, string];
		const returned = [submitted(first), reviewed(first, 'returned', '2026-12-03T09:00:00.000Z')];
		expect(foldTrainingRecord(returned, SCOPE)).toMatchObject({ assignment: 'returned', decidingReview: { comment: 'Add the debrief questions.' } });
		expect(foldTrainingRecord([...returned, submitted(second, '2026-12-04T09:00:00.000Z')], SCOPE).assignment).toBe('submitted');
		const acceptedLater = [...returned, submitted(second), reviewed(second, 'accepted', '2026-12-05T09:00:00.000Z')];
		expect(foldTrainingRecord(acceptedLater, SCOPE).assignment).toBe('accepted');
		const changedMind = [submitted(first), reviewed(first, 'accepted', '2026-12-03T09:00:00.000Z'), reviewed(first, 'returned', '2026-12-03T10:00:00.000Z')];
		expect(foldTrainingRecord(changedMind, SCOPE).assignment).toBe('returned');
	});
});

describe('completion properties', () => {
	it('does not depend on the order events arrive in, nor on any of them arriving twice', () => {
		fc.assert(
			fc.property(anyEvents, fc.integer({ min: 0, max: 100 }), fc.nat(), (events, score, seed) => {
				const shuffled = fc.sample(fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }), { seed, numRuns: 1 })[0]!;
				const doubled = [...events, ...events.filter((_, index) => index % 2 === 0)];
				const expected = foldTrainingRecord(events, SCOPE);
				expect(foldTrainingRecord(shuffled, SCOPE)).toEqual(expected);
				expect(foldTrainingRecord(doubled, SCOPE)).toEqual(expected);
				expect(complete(shuffled, score)).toEqual(complete(events, score));
			})
		);
	});

	it('never takes completion away when a participant attends more, scores higher or has an assignment accepted', () => {
		fc.assert(
			fc.property(anyEvents, fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), fc.constantFrom(...SESSIONS), (events, score, better, session) => {
				if (!complete(events, score).complete) return;
				expect(complete([...events, attended(session)], score).complete).toBe(true);
				expect(complete(events, Math.max(score, better)).complete).toBe(true);
				const accept = [submitted(SUBMISSIONS[1]!), reviewed(SUBMISSIONS[1]!, 'accepted', '2026-12-03T09:09:00.000Z')];
				expect(complete([...events, ...accept], score).complete).toBe(true);
			})
		);
	});

	it('counts only sessions the seminar held, of this seminar', () => {
		fc.assert(
			fc.property(anyEvents, (events) => {
				const result = complete(events, 100);
				const mine = new Set(events.flatMap((event) => (event.type === 'seminar.attended' && event.payload.seminarId === SCOPE.seminarId && SESSIONS.includes(event.payload.sessionId) ? [event.payload.sessionId] : [])));
				expect(result.attended).toBe(mine.size);
				expect(result.attended).toBeLessThanOrEqual(result.total);
			})
		);
	});
});
