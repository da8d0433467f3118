import { describe, expect, it } from 'vitest';
import { formatCalendarDate, formatDate, formatMonth } from './format-date';

describe('formatDate', () => {
	const lateEvening = new Date('2026-11-26T19:05:00Z'); // 01:05 on the 27th in Bishkek

	it('writes Kyrgyz dates by hand, in Bishkek time', () => {
		expect(formatDate(lateEvening, 'ky')).toBe('27-ноябрь 2026-ж.');
		expect(formatDate(lateEvening, 'ky', 'date-time')).toBe('27-ноябрь 2026-ж., 01:05');
	});

	it('leaves Russian and English to Intl', () => {
		expect(formatDate(lateEvening, 'ru')).toBe('27 нояб. 2026 г.');
		expect(formatDate(lateEvening, 'en')).toBe('Nov 27, 2026');
	});

	it('keeps a deadline on its calendar day', () => {
		expect(formatCalendarDate('2026-12-31', 'ky')).toBe('31-декабрь 2026-ж.');
		expect(formatCalendarDate('2026-01-01', 'ru')).toBe('1 янв. 2026 г.');
	});
});

describe('formatMonth', () => {
	it('names a month for a chart or a table in each language', () => {
		expect(formatMonth('2026-03', 'ky')).toBe('2026-ж. март');
		expect(formatMonth('2026-03', 'ru')).toBe('март 2026 г.');
		expect(formatMonth('2026-12', 'en')).toBe('Dec 2026');
	});
});
