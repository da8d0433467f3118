import { describe, expect, it } from 'vitest';
import { parseTrainerLogins, problemsByField, seminarDays, sessionsOutsideDates, spreadSessions } from './seminar-form';

const six = ['legal-basics', 'case-method', 'role-play', 'debate', 'quests-in-class', 'ground-rules'];

describe('the seminar scheduling form', () => {
	it('spreads six sessions over three days two a day, and over one day all on it', () => {
		expect(spreadSessions(six, '2026-09-14', '2026-09-16').map((session) => session.heldOn)).toEqual([
			'2026-09-14',
			'2026-09-14',
			'2026-09-15',
			'2026-09-15',
			'2026-09-16',
			'2026-09-16'
		]);
		expect(new Set(spreadSessions(six, '2026-09-14', '2026-09-14').map((session) => session.heldOn))).toEqual(new Set(['2026-09-14']));
		expect(spreadSessions(six, '2026-09-14', '2026-09-23').map((session) => session.heldOn.slice(8))).toEqual(['14', '15', '17', '19', '20', '22']);
		expect(spreadSessions(six, '2026-09-16', '2026-09-14').every((session) => session.heldOn === '')).toBe(true);
	});

	it('lists the days of a seminar across a month end, and none for a reversed or invalid range', () => {
		expect(seminarDays('2026-09-29', '2026-10-02')).toEqual(['2026-09-29', '2026-09-30', '2026-10-01', '2026-10-02']);
		expect(seminarDays('2026-02-30', '2026-03-02')).toEqual([]);
	});

	it('shows each server problem next to its field, and keeps a code it does not know', () => {
		expect(problemsByField(['centre-invalid', 'starts-in-past', 'too-long', 'session-outside-dates', 'new-rule'])).toEqual({
			byField: { centre: ['centre-invalid'], dates: ['starts-in-past', 'too-long'], sessions: ['session-outside-dates'] },
			unknown: ['new-rule']
		});
	});

	it('reads trainer logins one per line or comma separated', () => {
		expect(parseTrainerLogins(' demo.trainer\n0555 123 456, demo.trainer;\n\n')).toEqual(['demo.trainer', '0555 123 456']);
	});

	it('points at the sessions that fall outside the dates', () => {
		expect(
			sessionsOutsideDates({
				startsOn: '2026-09-14',
				endsOn: '2026-09-15',
				sessions: [
					{ sessionId: 'a', heldOn: '2026-09-15' },
					{ sessionId: 'b', heldOn: '2026-09-16' },
					{ sessionId: 'c', heldOn: '' }
				]
			})
		).toEqual(['b', 'c']);
	});
});
