/**
 * A check of a secret that works with no connection: PBKDF2-SHA256 of the secret with a random salt, kept on the
 * device so a shared phone can switch to a person's profile offline once they show they know their secret.
 *
 * What it protects, honestly: it stops someone who picks up a shared device from opening another person's profile in
 * the app. It does not protect the profile token, which sits beside it in IndexedDB (sync must send a profile's
 * events while someone else is using the device, so the token cannot be locked behind the secret), and a three-picture
 * secret (729 orders) or a PIN falls to a search however slow each try is. The server never sees this verifier.
 */
import type { RandomBytes } from './ids';

export interface OfflineVerifier {
	algorithm: 'PBKDF2-SHA256';
	iterations: number;
	/** base64url */
	salt: string;
	/** base64url, 256 bits */
	hash: string;
}

/**
 * OWASP's 2023 figure for PBKDF2-SHA256 is 600 000; this halves it so that a child switching profiles on a cheap
 * phone does not wait for seconds. Each verifier keeps its own count, so the figure can rise later.
 */
export const OFFLINE_VERIFIER_ITERATIONS = 310_000;
const MIN_ITERATIONS = 100_000;

function toBase64Url(bytes: Uint8Array): string {
	return btoa(String.fromCharCode(...bytes))
		.replace(/\+/g, '-')
		.replace(/\//g, '_')
		.replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
	const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
	return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

async function derive(subtle: SubtleCrypto, secret: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
	const key = await subtle.importKey('raw', new TextEncoder().encode(secret.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
	return new Uint8Array(await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256));
}

export async function makeOfflineVerifier(
	secret: string,
	deps: { subtle: SubtleCrypto; randomBytes: RandomBytes; iterations?: number }
): Promise<OfflineVerifier> {
	const iterations = deps.iterations ?? OFFLINE_VERIFIER_ITERATIONS;
	const salt = new Uint8Array(deps.randomBytes(16));
	return { algorithm: 'PBKDF2-SHA256', iterations, salt: toBase64Url(salt), hash: toBase64Url(await derive(deps.subtle, secret, salt, iterations)) };
}

/** Whether `secret` is the one the verifier was made from. A verifier weaker than the minimum is refused outright. */
export async function checkOfflineVerifier(verifier: OfflineVerifier, secret: string, subtle: SubtleCrypto): Promise<boolean> {
	if (verifier.algorithm !== 'PBKDF2-SHA256' || verifier.iterations < MIN_ITERATIONS) return false;
	const expected = fromBase64Url(verifier.hash);
	const actual = await derive(subtle, secret, fromBase64Url(verifier.salt), verifier.iterations);
	// Compare every byte, so the time taken does not tell how much of a guess was right.
	let difference = expected.length ^ actual.length;
	for (let index = 0; index < expected.length; index += 1) difference |= expected[index]! ^ (actual[index] ?? 0);
	return difference === 0;
}
