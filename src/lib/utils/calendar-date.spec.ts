import { describe, expect, it } from 'vitest';
import { daysBetween, isCalendarDate, kyrgyzstanDate } from './calendar-date';

describe('calendar dates in Kyrgyzstan', () => {
	it('turns the day at 18:00 UTC, midnight in Bishkek', () => {
		expect(kyrgyzstanDate(new Date('2026-11-26T17:59:59Z'))).toBe('2026-11-26');
		expect(kyrgyzstanDate(new Date('2026-11-26T18:00:00Z'))).toBe('2026-11-27');
	});

	it('accepts real days only', () => {
		expect(isCalendarDate('2026-02-28')).toBe(true);
		expect(isCalendarDate('2028-02-29')).toBe(true);
		expect(isCalendarDate('2026-02-29')).toBe(false);
		expect(isCalendarDate('2026-13-01')).toBe(false);
		expect(isCalendarDate('26-01-01')).toBe(false);
	});

	it('counts days across months', () => {
		expect(daysBetween('2026-11-26', '2026-12-01')).toBe(5);
		expect(daysBetween('2026-12-01', '2026-11-26')).toBe(-5);
	});
});
