/**
 * Practical assignments as a trainer reviews them (pure): each participant's latest submission with its latest
 * review. The server builds the list from stored events; a trainer's device lays its own reviews, not yet synced, over
 * the list it cached, so a review made offline shows at once. "Latest" is by device time, then event id — the order
 * `completion.ts` uses, which every device agrees on.
 */
import type { AssignmentReviewedPayload, AssignmentSubmittedPayload, AssignmentVerdict } from '$lib/progress/training-events';

export interface SubmittedRecord {
	personId: string;
	eventId: string;
	at: string;
	payload: AssignmentSubmittedPayload;
}

export interface ReviewRecord {
	/** The participant the review is about (the event's subject). */
	personId: string;
	eventId: string;
	at: string;
	/** The trainer's person id (the event's `recordedBy`). */
	reviewerId: string | null;
	payload: AssignmentReviewedPayload;
}

export interface SubmissionReview {
	eventId: string;
	at: string;
	reviewerId: string | null;
	verdict: AssignmentVerdict;
	comment: string;
}

export interface SubmissionForReview {
	personId: string;
	displayName: string | null;
	programmeId: string;
	submissionId: string;
	eventId: string;
	submittedAt: string;
	lessonPlan: string;
	reflection: string;
	/** SHA-256 of each photo: `GET /api/attachments/<hash>`. */
	attachments: string[];
	review: SubmissionReview | null;
}

/** What `GET /api/seminars/:id/submissions` answers. */
export interface SeminarSubmissions {
	seminarId: string;
	programmeId: string;
	submissions: SubmissionForReview[];
}

const later = (a: { at: string; eventId: string }, b: { at: string; eventId: string }) => a.at > b.at || (a.at === b.at && a.eventId > b.eventId);

/** The latest submission of each participant, with the latest review of that submission; by name, then id. */
export function latestSubmissions(
	submitted: readonly SubmittedRecord[],
	reviews: readonly ReviewRecord[],
	names: ReadonlyMap<string, string | null> = new Map()
): SubmissionForReview[] {
	const latest = new Map<string, SubmittedRecord>();
	for (const record of submitted) {
		const before = latest.get(record.personId);
		if (!before || later(record, before)) latest.set(record.personId, record);
	}
	const reviewOf = new Map<string, ReviewRecord>();
	for (const review of reviews) {
		const key = `${review.personId} ${review.payload.submissionId}`;
		const before = reviewOf.get(key);
		if (!before || later(review, before)) reviewOf.set(key, review);
	}
	return [...latest.values()]
		.map((record) => {
			const review = reviewOf.get(`${record.personId} ${record.payload.submissionId}`);
			return {
				personId: record.personId,
				displayName: names.get(record.personId) ?? null,
				programmeId: record.payload.programmeId,
				submissionId: record.payload.submissionId,
				eventId: record.eventId,
				submittedAt: record.at,
				lessonPlan: record.payload.lessonPlan,
				reflection: record.payload.reflection,
				attachments: [...record.payload.attachments],
				review: review ? { eventId: review.eventId, at: review.at, reviewerId: review.reviewerId, verdict: review.payload.verdict, comment: review.payload.comment } : null
			};
		})
		.sort((a, b) => (a.displayName ?? '').localeCompare(b.displayName ?? '') || a.personId.localeCompare(b.personId));
}

/** A cached list with reviews recorded on this device laid over it: the later review of a submission wins. */
export function withLocalReviews(list: readonly SubmissionForReview[], local: readonly ReviewRecord[]): SubmissionForReview[] {
	return list.map((submission) => {
		let review = submission.review;
		for (const mine of local) {
			if (mine.personId !== submission.personId || mine.payload.submissionId !== submission.submissionId) continue;
			const candidate: SubmissionReview = { eventId: mine.eventId, at: mine.at, reviewerId: mine.reviewerId, verdict: mine.payload.verdict, comment: mine.payload.comment };
			if (!review || later(candidate, review)) review = candidate;
		}
		return review === submission.review ? submission : { ...submission, review };
	});
}

export type ReviewProblem = 'comment-required';

/** Returning an assignment needs a comment that says what to change; accepting needs none. */
export function checkReview(verdict: AssignmentVerdict, comment: string): ReviewProblem | null {
	return verdict === 'returned' && comment.trim().length === 0 ? 'comment-required' : null;
}

/** A submission as the server listed it, back into the records the folds take (to merge with this device's own). */
export function recordsOf(submission: SubmissionForReview): { submitted: SubmittedRecord; reviews: ReviewRecord[] } {
	return {
		submitted: {
			personId: submission.personId,
			eventId: submission.eventId,
			at: submission.submittedAt,
			payload: { programmeId: submission.programmeId, submissionId: submission.submissionId, lessonPlan: submission.lessonPlan, reflection: submission.reflection, attachments: submission.attachments }
		},
		reviews: submission.review
			? [
					{
						personId: submission.personId,
						eventId: submission.review.eventId,
						at: submission.review.at,
						reviewerId: submission.review.reviewerId,
						payload: { programmeId: submission.programmeId, submissionId: submission.submissionId, verdict: submission.review.verdict, comment: submission.review.comment }
					}
				]
			: []
	};
}
