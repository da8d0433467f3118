/**
 * Seeded random numbers for rules that must replay exactly: a quiz drawn on a phone is drawn again on the server from
 * the same seed, so this sequence is part of the evidence format and must never change for a given seed.
 */

/** Uniform numbers in [0, 1), like Math.random, but reproducible. */
export type Random = () => number;

/** A seed as stored in events (an unsigned 32-bit integer) or any text, hashed to one. */
export type Seed = number | string;

const UINT32_RANGE = 2 ** 32;

export function isUint32(value: number): boolean {
	return Number.isInteger(value) && value >= 0 && value < UINT32_RANGE;
}

/** FNV-1a over the UTF-8 bytes, so the same text gives the same seed in any runtime or language. */
export function hashSeed(text: string): number {
	let hash = 0x811c9dc5;
	for (const byte of new TextEncoder().encode(text)) {
		hash ^= byte;
		hash = Math.imul(hash, 0x01000193);
	}
	return hash >>> 0;
}

/** mulberry32 (Tommy Ettinger): tiny, fast and good enough for shuffles; not for secrets. */
export function seededRandom(seed: Seed): Random {
	// Refusing 1.5 or -1 instead of truncating keeps two different recorded seeds from silently drawing the same quiz.
	if (typeof seed === 'number' && !isUint32(seed)) throw new RangeError(`seed must be an unsigned 32-bit integer: ${seed}`);
	let state = typeof seed === 'string' ? hashSeed(seed) : seed;
	return () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), state | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / UINT32_RANGE;
	};
}

/** An index in [0, length); clamped so a source that returns exactly 1 cannot step past the end. */
export function randomIndex(length: number, random: Random): number {
	return Math.min(Math.floor(random() * length), length - 1);
}

/** Fisher–Yates: every order equally likely. Returns a new array; the input is left as it was. */
export function shuffle<T>(items: readonly T[], random: Random): T[] {
	const result = [...items];
	for (let i = result.length - 1; i > 0; i -= 1) {
		const j = randomIndex(i + 1, random);
		[result[i], result[j]] = [result[j] as T, result[i] as T];
	}
	return result;
}

export function pick<T>(items: readonly T[], random: Random): T {
	if (items.length === 0) throw new RangeError('cannot pick from an empty list');
	return items[randomIndex(items.length, random)] as T;
}
