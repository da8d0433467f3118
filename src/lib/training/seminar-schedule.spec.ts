import { describe, expect, it } from 'vitest';
import { seminarProblems, type SeminarDraft } from './seminar-schedule';

const rules = { regionCodes: ['naryn', 'osh'], programmes: { 'teaching-integrity': ['s1', 's2', 's3'] }, today: '2026-11-27' };
const draft: SeminarDraft = {
	programmeId: 'teaching-integrity',
	regionCode: 'naryn',
	centre: 'Нарын',
	venue: 'Областной институт повышения квалификации',
	startsOn: '2026-12-07',
	endsOn: '2026-12-08',
	capacity: 30,
	sessions: [
		{ sessionId: 's1', heldOn: '2026-12-07' },
		{ sessionId: 's2', heldOn: '2026-12-07' },
		{ sessionId: 's3', heldOn: '2026-12-08' }
	]
};

describe('scheduling a seminar', () => {
	it('accepts a complete draft', () => {
		expect(seminarProblems(draft, rules)).toEqual([]);
	});

	it('names every problem of a bad draft', () => {
		expect(
			seminarProblems(
				{ ...draft, programmeId: 'nothing', regionCode: 'mars', centre: ' ', venue: 'x', startsOn: '2026-11-26', endsOn: '2027-01-30', capacity: 0, sessions: [{ sessionId: 's1', heldOn: '2027-02-01' }, { sessionId: 's1', heldOn: '2026-12-01' }] },
				rules
			)
		).toEqual(['programme-unknown', 'region-unknown', 'centre-invalid', 'venue-invalid', 'starts-in-past', 'too-long', 'capacity-invalid', 'session-repeated', 'session-outside-dates']);
		expect(seminarProblems({ ...draft, startsOn: '2026-12-09', sessions: [] }, rules)).toEqual(['dates-invalid', 'sessions-missing']);
		expect(seminarProblems({ ...draft, sessions: [{ sessionId: 's9', heldOn: '2026-12-07' }] }, rules)).toEqual(['session-unknown']);
	});
});
