import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashSeed, pick, randomIndex, seededRandom, shuffle } from './seeded-random';

const take = (count: number, random: () => number) => Array.from({ length: count }, random);

describe('seededRandom', () => {
	it('replays the published mulberry32 sequence, so recorded seeds draw the same quiz forever', () => {
		expect(take(3, seededRandom(0))).toEqual([0.26642920868471265, 0.0003297457005828619, 0.2232720274478197]);
		expect(take(3, seededRandom(42))).toEqual([0.6011037519201636, 0.44829055899754167, 0.8524657934904099]);
		expect(take(3, seededRandom(4294967295))).toEqual([0.8964226141106337, 0.189478256739676, 0.7156526781618595]);
	});

	it('gives the same numbers for the same seed and different numbers for different seeds', () => {
		expect(take(5, seededRandom(7))).toEqual(take(5, seededRandom(7)));
		expect(take(5, seededRandom(7))).not.toEqual(take(5, seededRandom(8)));
		expect(take(5, seededRandom('attempt-1'))).toEqual(take(5, seededRandom('attempt-1')));
		expect(take(5, seededRandom('attempt-1'))).not.toEqual(take(5, seededRandom('attempt-2')));
	});

	it('treats a text seed as its 32-bit hash', () => {
		expect(take(3, seededRandom('foobar'))).toEqual(take(3, seededRandom(hashSeed('foobar'))));
	});

	it('stays within [0, 1) for any seed', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
				for (const value of take(20, seededRandom(seed))) expect(value >= 0 && value < 1).toBe(true);
			})
		);
	});

	it('refuses numeric seeds that are not unsigned 32-bit integers instead of truncating them', () => {
		expect(() => seededRandom(1.5)).toThrow(RangeError);
		expect(() => seededRandom(-1)).toThrow(RangeError);
		expect(() => seededRandom(2 ** 32)).toThrow(RangeError);
		expect(() => seededRandom(Number.NaN)).toThrow(RangeError);
	});
});

describe('hashSeed', () => {
	it('is 32-bit FNV-1a over UTF-8, matching the reference test vectors', () => {
		expect(hashSeed('')).toBe(0x811c9dc5);
		expect(hashSeed('a')).toBe(0xe40c292c);
		expect(hashSeed('foobar')).toBe(0xbf9cf968);
	});

	it('hashes Cyrillic by its UTF-8 bytes, not UTF-16 code units', () => {
		// "ё" is U+0451: UTF-8 bytes d1 91, which FNV-1a maps to 0x3ac0a717.
		expect(hashSeed('ё')).toBe(0x3ac0a717);
	});
});

describe('shuffle', () => {
	it('returns a reordering of the same items and leaves the input untouched', () => {
		fc.assert(
			fc.property(fc.array(fc.integer()), fc.nat({ max: 2 ** 32 - 1 }), (items, seed) => {
				const before = [...items];
				const shuffled = shuffle(items, seededRandom(seed));
				expect(items).toEqual(before);
				expect([...shuffled].sort((a, b) => a - b)).toEqual([...items].sort((a, b) => a - b));
			})
		);
	});

	it('is deterministic for a seed', () => {
		const letters = ['a', 'b', 'c', 'd', 'e', 'f'];
		expect(shuffle(letters, seededRandom('quiz'))).toEqual(['e', 'b', 'c', 'a', 'f', 'd']);
		expect(shuffle(letters, seededRandom('quiz'))).toEqual(shuffle(letters, seededRandom('quiz')));
	});

	it('makes every order of three items about equally likely', () => {
		const random = seededRandom(2024);
		const counts = new Map<string, number>();
		const rounds = 6000;
		for (let round = 0; round < rounds; round += 1) {
			const order = shuffle(['a', 'b', 'c'], random).join('');
			counts.set(order, (counts.get(order) ?? 0) + 1);
		}
		expect(counts.size).toBe(6);
		// Each order expects 1000; a biased shuffle (e.g. swapping with any index) misses this by hundreds.
		for (const count of counts.values()) expect(Math.abs(count - rounds / 6)).toBeLessThan(100);
	});

	it('handles empty and single-item lists', () => {
		expect(shuffle([], seededRandom(1))).toEqual([]);
		expect(shuffle(['only'], seededRandom(1))).toEqual(['only']);
	});
});

describe('pick and randomIndex', () => {
	it('picks an item of the list, the same one for the same seed', () => {
		const items = ['ky', 'ru', 'en'];
		expect(items).toContain(pick(items, seededRandom(5)));
		expect(pick(items, seededRandom(5))).toBe(pick(items, seededRandom(5)));
	});

	it('refuses to pick from an empty list', () => {
		expect(() => pick([], seededRandom(5))).toThrow(RangeError);
	});

	it('never steps past the end, even if a source returns exactly 1', () => {
		expect(randomIndex(4, () => 1)).toBe(3);
		expect(randomIndex(4, () => 0)).toBe(0);
	});
});
