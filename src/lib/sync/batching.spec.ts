import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BACKOFF_BASE_MS, BACKOFF_CAP_MS, retryDelay, takeBatch } from './batching';

describe('takeBatch', () => {
	it('takes rows in order up to the byte and count limits, and at least one row', () => {
		const rows = [100, 200, 300, 400].map((bytes, index) => ({ id: index, bytes }));
		expect(takeBatch(rows, 350, 10).map((row) => row.id)).toEqual([0, 1]);
		expect(takeBatch(rows, 10_000, 3).map((row) => row.id)).toEqual([0, 1, 2]);
		expect(takeBatch([{ id: 9, bytes: 5_000 }], 350, 10).map((row) => row.id)).toEqual([9]);
		expect(takeBatch([], 350, 10)).toEqual([]);
	});

	it('never exceeds the limits except for a single oversized row, and is always a prefix', () => {
		fc.assert(
			fc.property(fc.array(fc.integer({ min: 1, max: 1000 })), fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 1, max: 20 }), (sizes, maxBytes, maxEvents) => {
				const rows = sizes.map((bytes, id) => ({ id, bytes }));
				const batch = takeBatch(rows, maxBytes, maxEvents);
				expect(batch).toEqual(rows.slice(0, batch.length));
				expect(batch.length).toBeLessThanOrEqual(maxEvents);
				if (batch.length > 1) expect(batch.reduce((sum, row) => sum + row.bytes, 0)).toBeLessThanOrEqual(maxBytes);
				if (rows.length > 0) expect(batch.length).toBeGreaterThan(0);
			})
		);
	});
});

describe('retryDelay', () => {
	it('doubles with each failure, stays between half and all of it, and stops growing at the cap', () => {
		expect(retryDelay(1, () => 0)).toBe(BACKOFF_BASE_MS / 2);
		expect(retryDelay(1, () => 1)).toBe(BACKOFF_BASE_MS);
		expect(retryDelay(3, () => 0.5)).toBe(Math.round(BACKOFF_BASE_MS * 4 * 0.75));
		expect(retryDelay(50, () => 1)).toBe(BACKOFF_CAP_MS);
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 60 }), fc.double({ min: 0, max: 1, noNaN: true }), (attempt, random) => {
				const delay = retryDelay(attempt, () => random);
				const exponential = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1));
				expect(delay).toBeGreaterThanOrEqual(Math.floor(exponential / 2));
				expect(delay).toBeLessThanOrEqual(exponential);
			})
		);
	});
});
