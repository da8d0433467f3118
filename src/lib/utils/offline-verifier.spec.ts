import { describe, expect, it } from 'vitest';
import { checkOfflineVerifier, makeOfflineVerifier, OFFLINE_VERIFIER_ITERATIONS } from './offline-verifier';

const subtle = globalThis.crypto.subtle;
const randomBytes = (length: number) => globalThis.crypto.getRandomValues(new Uint8Array(length));

describe('the offline verifier of a profile secret', () => {
	it('is PBKDF2-SHA256 with a random salt and at least 100 000 iterations by default', async () => {
		const verifier = await makeOfflineVerifier('ak-jurok-2026', { subtle, randomBytes });
		expect(verifier).toMatchObject({ algorithm: 'PBKDF2-SHA256', iterations: OFFLINE_VERIFIER_ITERATIONS });
		expect(OFFLINE_VERIFIER_ITERATIONS).toBeGreaterThanOrEqual(100_000);
		expect(verifier.salt).toMatch(/^[\w-]{22}$/);
		expect(verifier.hash).toMatch(/^[\w-]{43}$/);
		expect(JSON.stringify(verifier)).not.toContain('ak-jurok');
		expect(await checkOfflineVerifier(verifier, 'ak-jurok-2026', subtle)).toBe(true);
		expect(await checkOfflineVerifier(verifier, 'ak-jurok-2025', subtle)).toBe(false);
	});

	it('gives the same secret a different verifier each time, and still checks each', async () => {
		const a = await makeOfflineVerifier('pictures:horse.sun.yurt', { subtle, randomBytes, iterations: 100_000 });
		const b = await makeOfflineVerifier('pictures:horse.sun.yurt', { subtle, randomBytes, iterations: 100_000 });
		expect(a.salt).not.toBe(b.salt);
		expect(a.hash).not.toBe(b.hash);
		expect(await checkOfflineVerifier(b, 'pictures:horse.sun.yurt', subtle)).toBe(true);
		expect(await checkOfflineVerifier(b, 'pictures:sun.horse.yurt', subtle)).toBe(false);
	});

	it('treats differently composed letters (Kyrgyz ү, ө, ң) as the same password', async () => {
		const verifier = await makeOfflineVerifier('мугалим-\u04af', { subtle, randomBytes, iterations: 100_000 });
		expect(await checkOfflineVerifier(verifier, 'мугалим-\u04af'.normalize('NFD'), subtle)).toBe(true);
	});

	it('refuses a tampered verifier that claims too few iterations', async () => {
		const verifier = await makeOfflineVerifier('secret', { subtle, randomBytes, iterations: 100_000 });
		expect(await checkOfflineVerifier({ ...verifier, iterations: 1 }, 'secret', subtle)).toBe(false);
	});
});
