/**
 * The issuer's public keys as the verifier knows them: bundled into the app, several at once so that certificates
 * signed before a key rotation stay verifiable. Each key may sign only inside its window: a certificate that claims
 * an issue time outside it is refused, which is what retiring (or, after a leak, closing) a key means.
 */

/** An Ed25519 public key as a JWK (RFC 8037). */
export interface Ed25519PublicJwk {
	kty: 'OKP';
	crv: 'Ed25519';
	/** base64url, 32 bytes */
	x: string;
}

export interface IssuerPublicKey {
	/** Named in the `kid` header of everything the key signs. */
	kid: string;
	publicKeyJwk: Ed25519PublicJwk;
	/** ISO instant from which the key signs. */
	validFrom: string;
	/** ISO instant from which it no longer signs; null while it is the current key. */
	validUntil: string | null;
}

export function findKey(keys: readonly IssuerPublicKey[], kid: string): IssuerPublicKey | undefined {
	return keys.find((key) => key.kid === kid);
}

/** Whether the key was allowed to sign at `at` (its window is half-open: from validFrom, up to but not at validUntil). */
export function keyCoversInstant(key: IssuerPublicKey, at: Date): boolean {
	const time = at.getTime();
	if (Number.isNaN(time) || time < Date.parse(key.validFrom)) return false;
	return key.validUntil === null || time < Date.parse(key.validUntil);
}

/** The key that signs at `at`: the newest whose window covers it. */
export function signingKeyAt<K extends IssuerPublicKey>(keys: readonly K[], at: Date): K | undefined {
	return keys
		.filter((key) => keyCoversInstant(key, at))
		.sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0];
}

/** Only what a verifier may see: a key ring entry without anything private. */
export function publicPartOf(key: IssuerPublicKey): IssuerPublicKey {
	const { kty, crv, x } = key.publicKeyJwk;
	return { kid: key.kid, publicKeyJwk: { kty, crv, x }, validFrom: key.validFrom, validUntil: key.validUntil };
}

export function isIssuerPublicKey(value: unknown): value is IssuerPublicKey {
	if (typeof value !== 'object' || value === null) return false;
	const key = value as Record<string, unknown>;
	const jwk = key.publicKeyJwk as Record<string, unknown> | undefined;
	return (
		typeof key.kid === 'string' &&
		typeof key.validFrom === 'string' &&
		!Number.isNaN(Date.parse(key.validFrom)) &&
		(key.validUntil === null || (typeof key.validUntil === 'string' && !Number.isNaN(Date.parse(key.validUntil)))) &&
		typeof jwk === 'object' &&
		jwk !== null &&
		jwk.kty === 'OKP' &&
		jwk.crv === 'Ed25519' &&
		typeof jwk.x === 'string' &&
		/^[A-Za-z0-9_-]{43}$/.test(jwk.x)
	);
}
