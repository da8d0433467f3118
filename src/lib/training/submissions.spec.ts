import { describe, expect, it } from 'vitest';
import type { AssignmentVerdict } from '$lib/progress/training-events';
import { checkReview, latestSubmissions, withLocalReviews, type ReviewRecord, type SubmittedRecord } from './submissions';

const programmeId = 'teaching-integrity-interactively';
const submitted = (personId: string, submissionId: string, at: string, eventId = `e-${submissionId}`): SubmittedRecord => ({
	personId,
	eventId,
	at,
	payload: { programmeId, submissionId, lessonPlan: `plan ${submissionId}`, reflection: 'r', attachments: ['a'.repeat(64)] }
});
const reviewed = (personId: string, submissionId: string, verdict: AssignmentVerdict, at: string, eventId = `r-${submissionId}-${at}`): ReviewRecord => ({
	personId,
	eventId,
	at,
	reviewerId: 'trainer',
	payload: { programmeId, submissionId, verdict, comment: verdict === 'returned' ? 'More on timing' : '' }
});

describe('submissions for review', () => {
	it('shows each participant once, with their latest submission and its latest review', () => {
		const list = latestSubmissions(
			[submitted('aida', 's1', '2026-05-01T10:00:00Z'), submitted('aida', 's2', '2026-05-03T10:00:00Z'), submitted('bakyt', 's3', '2026-05-02T10:00:00Z')],
			[reviewed('aida', 's1', 'returned', '2026-05-02T10:00:00Z'), reviewed('bakyt', 's3', 'returned', '2026-05-02T11:00:00Z'), reviewed('bakyt', 's3', 'accepted', '2026-05-02T12:00:00Z')],
			new Map([
				['aida', 'Айда'],
				['bakyt', 'Бакыт']
			])
		);
		expect(list.map((item) => [item.displayName, item.submissionId, item.review?.verdict ?? null])).toEqual([
			['Айда', 's2', null],
			['Бакыт', 's3', 'accepted']
		]);
	});

	it('does not depend on the order events arrive in', () => {
		const events = [submitted('aida', 's1', '2026-05-01T10:00:00Z'), submitted('aida', 's2', '2026-05-01T10:00:00Z')];
		expect(latestSubmissions(events, [])).toEqual(latestSubmissions([...events].reverse(), []));
		expect(latestSubmissions(events, [])[0]!.submissionId).toBe('s2');
	});

	it('lays a review made on this device over the cached list, the later one winning', () => {
		const list = latestSubmissions([submitted('aida', 's1', '2026-05-01T10:00:00Z')], [reviewed('aida', 's1', 'returned', '2026-05-02T10:00:00Z')]);
		expect(withLocalReviews(list, [reviewed('aida', 's1', 'accepted', '2026-05-03T10:00:00Z')])[0]!.review?.verdict).toBe('accepted');
		expect(withLocalReviews(list, [reviewed('aida', 's1', 'accepted', '2026-04-01T10:00:00Z')])[0]!.review?.verdict).toBe('returned');
		expect(withLocalReviews(list, [reviewed('aida', 'other', 'accepted', '2026-05-03T10:00:00Z')])).toEqual(list);
	});

	it('asks for a comment when an assignment is returned', () => {
		expect(checkReview('returned', '  ')).toBe('comment-required');
		expect(checkReview('returned', 'Add timing')).toBeNull();
		expect(checkReview('accepted', '')).toBeNull();
	});
});
