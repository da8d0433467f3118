import { describe, expect, it } from 'vitest';
import { splitBytes } from './bytes';

describe('splitBytes', () => {
	it('keeps small counts in bytes', () => {
		expect(splitBytes(0)).toEqual({ value: 0, unit: 'bytes' });
		expect(splitBytes(1023)).toEqual({ value: 1023, unit: 'bytes' });
	});

	it('moves up a unit at 1024 and keeps one decimal below ten', () => {
		expect(splitBytes(1024)).toEqual({ value: 1, unit: 'kilobytes' });
		expect(splitBytes(1536)).toEqual({ value: 1.5, unit: 'kilobytes' });
		expect(splitBytes(50 * 1024 * 1024 + 300_000)).toEqual({ value: 50, unit: 'megabytes' });
		expect(splitBytes(3.25 * 1024 ** 3)).toEqual({ value: 3.3, unit: 'gigabytes' });
	});

	it('refuses what is not a byte count', () => {
		expect(() => splitBytes(-1)).toThrow(RangeError);
		expect(() => splitBytes(Number.NaN)).toThrow(RangeError);
	});
});
