import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitWithin, isAttachmentType, isContentHash, nextChunk, toHex, uploadPlan } from './attachments';

describe('photo size on the device', () => {
	it('brings the long side down to 1600 px and keeps the proportions', () => {
		expect(fitWithin(4000, 3000)).toEqual({ width: 1600, height: 1200 });
		expect(fitWithin(3000, 4000)).toEqual({ width: 1200, height: 1600 });
	});

	it('never enlarges a small photo', () => {
		expect(fitWithin(800, 600)).toEqual({ width: 800, height: 600 });
	});

	it('keeps any photo within the limit and at least one pixel wide', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 20_000 }), fc.integer({ min: 1, max: 20_000 }), (width, height) => {
				const fitted = fitWithin(width, height);
				expect(Math.max(fitted.width, fitted.height)).toBeLessThanOrEqual(1600);
				expect(Math.min(fitted.width, fitted.height)).toBeGreaterThanOrEqual(1);
			})
		);
	});
});

describe('a resumable upload', () => {
	it('starts where the server stands and ends at the length', () => {
		expect(uploadPlan(600, 0, 256)).toEqual([
			{ start: 0, end: 256 },
			{ start: 256, end: 512 },
			{ start: 512, end: 600 }
		]);
		expect(uploadPlan(600, 300, 256)).toEqual([
			{ start: 300, end: 556 },
			{ start: 556, end: 600 }
		]);
	});

	it('has nothing left to send once the server holds every byte', () => {
		expect(nextChunk(600, 600)).toBeNull();
		expect(uploadPlan(600, 600)).toEqual([]);
	});

	it('covers every byte from the offset exactly once, whatever the sizes', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 3_000_000 }), fc.nat(), fc.integer({ min: 4096, max: 1_000_000 }), (length, offsetSeed, chunk) => {
				const offset = offsetSeed % (length + 1);
				const plan = uploadPlan(length, offset, chunk);
				let at = offset;
				for (const range of plan) {
					expect(range.start).toBe(at);
					expect(range.end - range.start).toBeGreaterThan(0);
					expect(range.end - range.start).toBeLessThanOrEqual(chunk);
					at = range.end;
				}
				expect(at).toBe(length);
			})
		);
	});
});

describe('names and types', () => {
	it('knows a SHA-256 hex digest and the photo types', () => {
		expect(isContentHash('a'.repeat(64))).toBe(true);
		expect(isContentHash('A'.repeat(64))).toBe(false);
		expect(isContentHash('../etc/passwd')).toBe(false);
		expect(isAttachmentType('image/png')).toBe(true);
		expect(isAttachmentType('image/svg+xml')).toBe(false);
		expect(toHex(new Uint8Array([0, 15, 255]))).toBe('000fff');
	});
});
