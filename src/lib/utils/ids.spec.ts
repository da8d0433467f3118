import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createUuidV7, isUuidV7, uuidV7Generator, uuidV7Timestamp } from './ids';

const fixedBytes = (...bytes: number[]) => (length: number) => Uint8Array.from({ length }, (_, index) => bytes[index % bytes.length] ?? 0);

/** A clock that returns the given times in turn, then keeps returning the last one. */
const steppingClock = (...times: number[]) => {
	let call = 0;
	return () => times[Math.min(call++, times.length - 1)] ?? 0;
};

describe('createUuidV7', () => {
	it('reproduces the example of RFC 9562 Appendix A.6', () => {
		const rfcRandom = () => Uint8Array.from([0x7c, 0xc3, 0x98, 0xc4, 0xdc, 0x0c, 0x0c, 0x07, 0x39, 0x8f]);
		expect(createUuidV7(() => 0x017f22e279b0, rfcRandom)).toBe('017f22e2-79b0-7cc3-98c4-dc0c0c07398f');
	});

	it('sets version 7 and variant 10 whatever the random bytes are', () => {
		expect(createUuidV7(() => 0, fixedBytes(0xff))).toBe('00000000-0000-7fff-bfff-ffffffffffff');
		expect(createUuidV7(() => 0, fixedBytes(0x00))).toBe('00000000-0000-7000-8000-000000000000');
	});

	it('carries the millisecond timestamp in its first 48 bits', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 2 ** 48 - 1 }),
				fc.uint8Array({ minLength: 10, maxLength: 10 }),
				(milliseconds, bytes) => {
					const id = createUuidV7(() => milliseconds, () => bytes);
					expect(isUuidV7(id)).toBe(true);
					expect(uuidV7Timestamp(id)).toBe(milliseconds);
				}
			)
		);
	});

	it('sorts by time: an id made later compares greater as text', () => {
		const random = fixedBytes(0xff);
		expect(createUuidV7(() => 1_700_000_000_000, random) < createUuidV7(() => 1_700_000_000_001, fixedBytes(0))).toBe(true);
	});

	it('refuses a time that does not fit 48 bits and short random input', () => {
		expect(() => createUuidV7(() => -1, fixedBytes(1))).toThrow(RangeError);
		expect(() => createUuidV7(() => 2 ** 48, fixedBytes(1))).toThrow(RangeError);
		expect(() => createUuidV7(() => 1.5, fixedBytes(1))).toThrow(RangeError);
		expect(() => createUuidV7(() => 0, () => new Uint8Array(4))).toThrow(RangeError);
	});
});

describe('uuidV7Generator', () => {
	it('keeps ids made in the same millisecond in the order they were made', () => {
		const next = uuidV7Generator(() => 1_700_000_000_000, fixedBytes(0x5a, 0x13, 0xc7));
		const ids = Array.from({ length: 1000 }, next);
		expect(new Set(ids).size).toBe(1000);
		expect([...ids].sort()).toEqual(ids);
		expect(ids.every((id) => uuidV7Timestamp(id) === 1_700_000_000_000)).toBe(true);
	});

	it('keeps increasing when the device clock steps back', () => {
		const next = uuidV7Generator(steppingClock(5_000, 4_000, 4_500), fixedBytes(0x42));
		const ids = [next(), next(), next()];
		expect([...ids].sort()).toEqual(ids);
		expect(ids.map(uuidV7Timestamp)).toEqual([5_000, 5_000, 5_000]);
	});

	it('moves to the next millisecond when the random counter would overflow', () => {
		const next = uuidV7Generator(() => 9_000, fixedBytes(0xff));
		const first = next();
		const second = next();
		expect(first).toBe('00000000-2328-7fff-bfff-ffffffffffff');
		expect(uuidV7Timestamp(second)).toBe(9_001);
		expect(first < second).toBe(true);
	});

	it('starts a fresh random field for each new millisecond', () => {
		let call = 0;
		const next = uuidV7Generator(steppingClock(1, 2), () => fixedBytes(++call)(10));
		const [a, b] = [next(), next()];
		expect(a.slice(14)).not.toBe(b.slice(14));
	});
});

describe('isUuidV7', () => {
	it('accepts only lowercase version-7 ids with the RFC variant', () => {
		expect(isUuidV7('017f22e2-79b0-7cc3-98c4-dc0c0c07398f')).toBe(true);
		expect(isUuidV7('017F22E2-79B0-7CC3-98C4-DC0C0C07398F')).toBe(false);
		expect(isUuidV7('017f22e2-79b0-4cc3-98c4-dc0c0c07398f')).toBe(false);
		expect(isUuidV7('017f22e2-79b0-7cc3-c8c4-dc0c0c07398f')).toBe(false);
		expect(isUuidV7('not-an-id')).toBe(false);
	});
});
