import type Database from 'better-sqlite3';
import type { AssignmentReviewedPayload, AssignmentSubmittedPayload } from '$lib/progress/training-events';
import type { ReviewRecord, SubmittedRecord } from '$lib/training/submissions';

interface EventRow {
	personId: string;
	id: string;
	at: string;
	body: string;
}

const submittedOf = (row: EventRow): SubmittedRecord => ({
	personId: row.personId,
	eventId: row.id,
	at: row.at,
	payload: (JSON.parse(row.body) as { payload: AssignmentSubmittedPayload }).payload
});

const reviewOf = (row: EventRow): ReviewRecord => {
	const event = JSON.parse(row.body) as { recordedBy?: string; payload: AssignmentReviewedPayload };
	return { personId: row.personId, eventId: row.id, at: row.at, reviewerId: event.recordedBy ?? null, payload: event.payload };
};

/**
 * Practical assignments as stored events (`assignment.submitted` / `assignment.reviewed`, `person_id` resolved at
 * ingest): the submissions of a seminar's participants, or of one person, with the reviews of them.
 */
export function createAssignmentsRepo(sqlite: Database.Database) {
	const participants = `select person_id from memberships where role = 'learner' and scope_kind = 'seminar' and scope_id = @seminarId`;
	const ofSeminar = (type: string) =>
		sqlite.prepare<{ seminarId: string; programmeId: string }, EventRow>(`
			select person_id as personId, id, at, body from events
			where type = '${type}' and person_id in (${participants}) and json_extract(body, '$.payload.programmeId') = @programmeId`);
	const ofPerson = (type: string) =>
		sqlite.prepare<{ personId: string; programmeId: string }, EventRow>(`
			select person_id as personId, id, at, body from events
			where type = '${type}' and person_id = @personId and json_extract(body, '$.payload.programmeId') = @programmeId`);
	const seminarSubmitted = ofSeminar('assignment.submitted');
	const seminarReviewed = ofSeminar('assignment.reviewed');
	const personSubmitted = ofPerson('assignment.submitted');
	const personReviewed = ofPerson('assignment.reviewed');
	const names = sqlite.prepare<{ seminarId: string }, { personId: string; displayName: string | null }>(`
		select m.person_id as personId, d.display_name as displayName from memberships m
		left join person_details d on d.person_id = m.person_id
		where m.role = 'learner' and m.scope_kind = 'seminar' and m.scope_id = @seminarId`);
	const seminar = sqlite.prepare<[string], { programmeId: string }>('select programme_id as programmeId from seminars where id = ?');

	return {
		async seminarProgramme(seminarId: string): Promise<string | undefined> {
			return seminar.get(seminarId)?.programmeId;
		},
		/** Every submission and review of the seminar's participants (past ones too), with their names; one read. */
		async ofSeminar(seminarId: string, programmeId: string): Promise<{ submitted: SubmittedRecord[]; reviews: ReviewRecord[]; names: Map<string, string | null> }> {
			return sqlite.transaction(() => ({
				submitted: seminarSubmitted.all({ seminarId, programmeId }).map(submittedOf),
				reviews: seminarReviewed.all({ seminarId, programmeId }).map(reviewOf),
				names: new Map(names.all({ seminarId }).map((row) => [row.personId, row.displayName]))
			}))();
		},
		async ofPerson(personId: string, programmeId: string): Promise<{ submitted: SubmittedRecord[]; reviews: ReviewRecord[] }> {
			return sqlite.transaction(() => ({
				submitted: personSubmitted.all({ personId, programmeId }).map(submittedOf),
				reviews: personReviewed.all({ personId, programmeId }).map(reviewOf)
			}))();
		}
	};
}

export type AssignmentsRepo = ReturnType<typeof createAssignmentsRepo>;
