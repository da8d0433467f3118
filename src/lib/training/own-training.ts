/**
 * What a participant is told about their own teacher training (`GET /api/me/training`): per seminar, each part of
 * the completion rule as done or still missing, in the order they would act on it. Pure: the page only words it.
 */
import type { AssignmentState, Completion } from './completion';

export interface OwnTrainingRecord {
	seminarId: string;
	programmeId: string;
	regionCode: string;
	centre: string;
	startsOn: string;
	endsOn: string;
	completion: Completion;
	bestTestPercent: number | null;
	completedAt: string | null;
}

export type OwnTrainingPart =
	| { part: 'attendance'; done: boolean; attended: number; required: number; total: number }
	| { part: 'test'; done: boolean; bestPercent: number | null }
	| { part: 'assignment'; done: boolean; state: AssignmentState };

export function ownTrainingParts(record: OwnTrainingRecord): OwnTrainingPart[] {
	const { completion } = record;
	const missing = new Set(completion.missing);
	return [
		{ part: 'attendance', done: !missing.has('attendance'), attended: completion.attended, required: completion.required, total: completion.total },
		{ part: 'test', done: !missing.has('test'), bestPercent: record.bestTestPercent },
		{ part: 'assignment', done: !missing.has('assignment'), state: completion.assignment }
	];
}
