import { describe, expect, it } from 'vitest';
import { formatNumber } from './format-number';

describe('formatNumber', () => {
	it('writes Kyrgyz and Russian numbers with a decimal comma and spaced thousands', () => {
		expect(formatNumber(1.5, 'ky')).toBe('1,5');
		expect(formatNumber(12345, 'ky')).toBe(formatNumber(12345, 'ru'));
		expect(formatNumber(12345, 'ru').replace(/\s/g, ' ')).toBe('12 345');
	});

	it('writes English numbers with a decimal point', () => {
		expect(formatNumber(1.5, 'en')).toBe('1.5');
		expect(formatNumber(12345, 'en')).toBe('12,345');
	});
});
