import { describe, expect, it } from 'vitest';
import type { TrainingEvent } from '$lib/progress/training-events';
import { DEFAULT_COMPLETION_RULE } from './completion';
import { seminarRecords, seminarsOfPerson } from './seminar-records';

const PROGRAMME = 'teaching-integrity-interactively';
const SESSIONS = ['s1', 's2', 's3', 's4', 's5', 's6'];
let serial = 0;
const attended = (seminarId: string, sessionId: string): TrainingEvent => ({
	id: `0190c0de-0000-7000-8000-${String(++serial).padStart(12, '0')}`,
	subject: { kind: 'learner', id: 'teacher-1' },
	deviceId: 'd',
	deviceSeq: serial,
	v: 1,
	at: '2026-12-01T09:00:00.000Z',
	type: 'seminar.attended',
	payload: { seminarId, sessionId, method: 'roster' }
});

describe('seminar records', () => {
	it('belong to the seminars a person registered in and to those where their attendance was recorded', () => {
		expect(seminarsOfPerson(['naryn'], [attended('osh', 's1'), attended('naryn', 's2')])).toEqual(['naryn', 'osh']);
	});

	it('count each seminar against its own sessions, with the programme’s best test score', () => {
		const events = [...SESSIONS.slice(0, 5).map((session) => attended('osh', session)), attended('naryn', 's1')];
		const seminars = ['osh', 'naryn'].map((seminarId) => ({ seminarId, programmeId: PROGRAMME, rule: DEFAULT_COMPLETION_RULE, sessionIds: SESSIONS }));
		const rows = seminarRecords({ events, seminars, bestTestPercent: (programme) => (programme === PROGRAMME ? 80 : null) });
		expect(rows.map((row) => [row.seminarId, row.completion.attended, row.completion.missing])).toEqual([
			['osh', 5, ['assignment']],
			['naryn', 1, ['attendance', 'assignment']]
		]);
		expect(rows[0]).toMatchObject({ ruleVersion: 1, bestTestPercent: 80, record: { assignment: 'none' }, firstAttendedAt: '2026-12-01T09:00:00.000Z' });
		expect(seminarRecords({ events: [], seminars, bestTestPercent: () => null })[0]!.firstAttendedAt).toBeNull();
	});
});
