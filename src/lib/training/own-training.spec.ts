import { describe, expect, it } from 'vitest';
import { ownTrainingParts, type OwnTrainingRecord } from './own-training';

const record = (missing: OwnTrainingRecord['completion']['missing'], extra: Partial<OwnTrainingRecord['completion']> = {}): OwnTrainingRecord => ({
	seminarId: 'osh',
	programmeId: 'teaching-integrity-interactively',
	regionCode: 'osh',
	centre: 'Ош',
	startsOn: '2026-10-20',
	endsOn: '2026-10-22',
	bestTestPercent: 60,
	completedAt: null,
	completion: { complete: missing.length === 0, attended: 4, required: 5, total: 6, testPassed: !missing.includes('test'), assignment: 'returned', missing, ...extra }
});

describe('a participant’s own training', () => {
	it('says which parts of the rule are done and which are missing, with the figures behind each', () => {
		expect(ownTrainingParts(record(['attendance', 'test', 'assignment']))).toEqual([
			{ part: 'attendance', done: false, attended: 4, required: 5, total: 6 },
			{ part: 'test', done: false, bestPercent: 60 },
			{ part: 'assignment', done: false, state: 'returned' }
		]);
		expect(ownTrainingParts(record([], { attended: 6, assignment: 'accepted' })).every((part) => part.done)).toBe(true);
	});
});
