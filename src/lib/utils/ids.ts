/**
 * Event ids: RFC 9562 UUIDv7, made on the device. The leading 48-bit millisecond timestamp makes ids sort in creation
 * order, which keeps indexes compact and gives folds a deterministic tie-break.
 */

/** The time, passed in, so that no rule reads the wall clock itself. */
export type Clock = () => Date;

/** Cryptographically random bytes in the app (crypto.getRandomValues), fixed bytes in tests. */
export type RandomBytes = (length: number) => Uint8Array;

/** Lowercase only: ids are dedup keys, and "A" and "a" must not name two events. */
export const UUID_V7_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const MAX_TIMESTAMP = 2 ** 48 - 1;
const RANDOM_BITS = 74n; // 12 in rand_a, 62 in rand_b
const MAX_RANDOM = (1n << RANDOM_BITS) - 1n;
const RAND_B_BITS = 62n;

export function isUuidV7(value: string): boolean {
	return UUID_V7_PATTERN.test(value);
}

/** The Unix time in milliseconds that an id was made at. */
export function uuidV7Timestamp(id: string): number {
	if (!isUuidV7(id)) throw new TypeError(`not a UUIDv7: ${id}`);
	return Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}

function checkedTimestamp(milliseconds: number): number {
	if (!Number.isInteger(milliseconds) || milliseconds < 0 || milliseconds > MAX_TIMESTAMP) {
		throw new RangeError(`not a 48-bit millisecond timestamp: ${milliseconds}`);
	}
	return milliseconds;
}

/** 74 random bits, taken from where RFC 9562 §5.7 puts them in bytes 6–15 (version and variant bits masked out). */
function randomField(randomBytes: RandomBytes): bigint {
	const bytes = randomBytes(10);
	if (bytes.length < 10) throw new RangeError(`randomBytes(10) returned ${bytes.length} bytes`);
	let field = BigInt((bytes[0] ?? 0) & 0x0f);
	for (let index = 1; index < 10; index += 1) {
		const byte = bytes[index] ?? 0;
		field = (field << (index === 2 ? 6n : 8n)) | BigInt(index === 2 ? byte & 0x3f : byte);
	}
	return field;
}

function format(timestamp: number, random: bigint): string {
	const time = timestamp.toString(16).padStart(12, '0');
	const versionAndRandA = (0x7000n | (random >> RAND_B_BITS)).toString(16);
	const variantAndRandB = ((0b10n << RAND_B_BITS) | (random & ((1n << RAND_B_BITS) - 1n))).toString(16);
	return `${time.slice(0, 8)}-${time.slice(8)}-${versionAndRandA}-${variantAndRandB.slice(0, 4)}-${variantAndRandB.slice(4)}`;
}

/**
 * A generator whose ids strictly increase, even for many ids in one millisecond or when the clock steps back
 * (RFC 9562 §6.2: the random field is treated as a counter and incremented; on overflow the timestamp moves on).
 */
export function uuidV7Generator(now: () => number, randomBytes: RandomBytes): () => string {
	let lastTimestamp = -1;
	let lastRandom = 0n;
	return () => {
		const timestamp = checkedTimestamp(now());
		if (timestamp > lastTimestamp) {
			lastTimestamp = timestamp;
			lastRandom = randomField(randomBytes);
		} else if (lastRandom < MAX_RANDOM) {
			lastRandom += 1n;
		} else {
			lastTimestamp = checkedTimestamp(lastTimestamp + 1);
			lastRandom = randomField(randomBytes);
		}
		return format(lastTimestamp, lastRandom);
	};
}

/** One id. Use `uuidV7Generator` where ids made in the same millisecond must keep their order. */
export function createUuidV7(now: () => number, randomBytes: RandomBytes): string {
	return uuidV7Generator(now, randomBytes)();
}
