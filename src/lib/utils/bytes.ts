/** Byte counts as a person reads them: the largest unit that keeps the number at least 1, one decimal below 10. */
export type ByteUnit = 'bytes' | 'kilobytes' | 'megabytes' | 'gigabytes';

const UNITS: readonly ByteUnit[] = ['bytes', 'kilobytes', 'megabytes', 'gigabytes'];

export function splitBytes(bytes: number): { value: number; unit: ByteUnit } {
	if (!Number.isFinite(bytes) || bytes < 0) throw new RangeError(`not a byte count: ${bytes}`);
	let value = bytes;
	let index = 0;
	while (value >= 1024 && index < UNITS.length - 1) {
		value /= 1024;
		index += 1;
	}
	const rounded = index === 0 ? Math.round(value) : value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
	return { value: rounded, unit: UNITS[index] ?? 'bytes' };
}
