/**
 * A person's training record at each seminar they belong to, from all their training events (issue #7). The server
 * runs this in the ingest transaction for every person an event touched and stores the rows (`training_records`), so
 * figures read rows instead of scanning events. Pure, and rebuilt from the whole event set each time: a person has
 * tens of training events, and a rebuild cannot drift the way an incremental update could after a merge is undone.
 */
import type { TrainingEvent } from '$lib/progress/training-events';
import { completion, foldTrainingRecord, type Completion, type CompletionRule, type TrainingRecord } from './completion';

export interface SeminarForRecords {
	seminarId: string;
	programmeId: string;
	rule: CompletionRule;
	/** The sessions the seminar holds, in order. */
	sessionIds: readonly string[];
}

export interface SeminarRecordRow {
	seminarId: string;
	programmeId: string;
	ruleVersion: number;
	bestTestPercent: number | null;
	record: TrainingRecord;
	completion: Completion;
	/** Device time of the person's earliest attendance at this seminar: the seminar counts as held from the first one. */
	firstAttendedAt: string | null;
}

/**
 * The seminars a person belongs to are those they are registered in plus any where attendance of theirs was recorded,
 * so an attendance that reached the server before its registration still makes a row.
 */
export function seminarsOfPerson(registeredIn: readonly string[], events: readonly TrainingEvent[]): string[] {
	const ids = new Set(registeredIn);
	for (const event of events) if (event.type === 'seminar.attended') ids.add(event.payload.seminarId);
	return [...ids].sort();
}

export function seminarRecords(input: {
	events: readonly TrainingEvent[];
	seminars: readonly SeminarForRecords[];
	/** The best server-graded final test score in a programme, across every id of the person. */
	bestTestPercent: (programmeId: string) => number | null;
}): SeminarRecordRow[] {
	return input.seminars.map((seminar) => {
		const record = foldTrainingRecord(input.events, seminar);
		const bestTestPercent = input.bestTestPercent(seminar.programmeId);
		const attendedAt = input.events.flatMap((event) => (event.type === 'seminar.attended' && event.payload.seminarId === seminar.seminarId ? [event.at] : []));
		return {
			firstAttendedAt: attendedAt.length === 0 ? null : attendedAt.reduce((earliest, at) => (at < earliest ? at : earliest)),
			seminarId: seminar.seminarId,
			programmeId: seminar.programmeId,
			ruleVersion: seminar.rule.version,
			bestTestPercent,
			record,
			completion: completion({ rule: seminar.rule, sessionIds: seminar.sessionIds, record, bestTestPercent })
		};
	});
}
