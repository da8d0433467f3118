/**
 * Offline verification of a certificate: the signature is checked against the bundled public keys, nothing is fetched.
 * The signature is checked before anything in the payload is read, so a changed character anywhere — name, date,
 * course, version — is "tampered", never a certificate with different facts.
 */
import { compactVerify, errors } from 'jose';
import { COMPACT_TYP, CREDENTIAL_TYP, viewOfCompactClaims, viewOfCredentialClaims, type CertificateView } from './credential';
import { findKey, keyCoversInstant, type Ed25519PublicJwk, type IssuerPublicKey } from './issuer-keys';

export type OfflineVerdict =
	| { status: 'valid'; certificate: CertificateView; form: 'credential' | 'compact'; kid: string }
	/** Signed with a known key, but the key was not allowed to sign at the time the certificate claims. */
	| { status: 'key-not-valid'; certificate: CertificateView; form: 'credential' | 'compact'; kid: string }
	| { status: 'tampered' }
	| { status: 'unknown-key'; kid: string }
	| { status: 'malformed'; problem: string };

/** What the server says about a certificate's standing when asked (GET /api/certificates/<id>/status). */
export interface RevocationStatus {
	id: string;
	status: 'active' | 'revoked';
	revokedAt: string | null;
	/** A code, never free text: the answer is public. */
	reason: RevocationReason | null;
}

export const REVOCATION_REASONS = ['issued-in-error', 'obtained-improperly', 'superseded', 'other'] as const;
export type RevocationReason = (typeof REVOCATION_REASONS)[number];

/** The verdict a person sees: the offline one, overruled by a revocation the server reported. */
export type Verdict = OfflineVerdict | { status: 'revoked'; certificate: CertificateView; form: 'credential' | 'compact'; kid: string; revokedAt: string; reason: RevocationReason | null };

/** Verifies an Ed25519 signature; the default is WebCrypto through jose, with a pure-JS fallback for older browsers. */
export type SignatureCheck = (jwk: Ed25519PublicJwk, signingInput: Uint8Array, signature: Uint8Array) => Promise<boolean>;

const JWS_PATTERN = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
/** Far above a real certificate (about 2 KB): a pasted novel is not parsed. */
const MAX_TOKEN_LENGTH = 16_000;

function decodeSegment(segment: string): unknown {
	const binary = atob(segment.replace(/-/g, '+').replace(/_/g, '/'));
	return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (char) => char.charCodeAt(0))));
}

function base64UrlBytes(segment: string): Uint8Array {
	const binary = atob(segment.replace(/-/g, '+').replace(/_/g, '/'));
	return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/** Whether the error says "this runtime cannot do Ed25519" rather than "this signature is wrong". */
function isUnsupported(error: unknown): boolean {
	if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWSInvalid) return false;
	return true;
}

/** WebCrypto (through jose) where the browser has Ed25519; @noble/ed25519, loaded only then, where it does not. */
async function verifySignature(token: string, jwk: Ed25519PublicJwk, check?: SignatureCheck): Promise<boolean> {
	const [header, payload, signature] = token.split('.') as [string, string, string];
	if (check) return check(jwk, new TextEncoder().encode(`${header}.${payload}`), base64UrlBytes(signature));
	try {
		await compactVerify(token, { ...jwk }, { algorithms: ['EdDSA', 'Ed25519'] });
		return true;
	} catch (error) {
		if (!isUnsupported(error)) return false;
		return nobleCheck(jwk, new TextEncoder().encode(`${header}.${payload}`), base64UrlBytes(signature));
	}
}

/** RFC 8032 verification in plain JavaScript (strict, as WebCrypto is: ZIP-215's lenience off). */
export const nobleCheck: SignatureCheck = async (jwk, signingInput, signature) => {
	const ed = await import('@noble/ed25519');
	try {
		return await ed.verifyAsync(signature, signingInput, base64UrlBytes(jwk.x), { zip215: false });
	} catch {
		return false;
	}
};

export async function verifyCertificateToken(token: string, keys: readonly IssuerPublicKey[], options: { check?: SignatureCheck } = {}): Promise<OfflineVerdict> {
	const trimmed = token.trim();
	if (trimmed.length > MAX_TOKEN_LENGTH || !JWS_PATTERN.test(trimmed)) return { status: 'malformed', problem: 'not a signed token' };
	let header: Record<string, unknown>;
	try {
		header = decodeSegment(trimmed.split('.')[0]!) as Record<string, unknown>;
	} catch {
		return { status: 'malformed', problem: 'the header is not JSON' };
	}
	if (typeof header !== 'object' || header === null || header.alg !== 'EdDSA' || typeof header.kid !== 'string' || 'crit' in header) {
		return { status: 'malformed', problem: 'not an EdDSA token with a key id' };
	}
	const key = findKey(keys, header.kid);
	if (!key) return { status: 'unknown-key', kid: header.kid };
	if (!(await verifySignature(trimmed, key.publicKeyJwk, options.check))) return { status: 'tampered' };

	let payload: unknown;
	try {
		payload = decodeSegment(trimmed.split('.')[1]!);
	} catch {
		return { status: 'malformed', problem: 'the payload is not JSON' };
	}
	const form = header.typ === COMPACT_TYP ? 'compact' : header.typ === CREDENTIAL_TYP || header.typ === 'vc+jwt' ? 'credential' : undefined;
	const certificate = form === 'compact' ? viewOfCompactClaims(payload) : form === 'credential' ? viewOfCredentialClaims(payload) : undefined;
	if (!form || !certificate) return { status: 'malformed', problem: 'signed, but not a Taza certificate' };
	const status = keyCoversInstant(key, new Date(certificate.issuedAt)) ? 'valid' : 'key-not-valid';
	return { status, certificate, form, kid: key.kid };
}

/** A revocation the server reported wins over a good signature; any other answer changes nothing. */
export function withRevocation(verdict: OfflineVerdict, status: RevocationStatus | undefined): Verdict {
	if (verdict.status !== 'valid' || !status || status.id !== verdict.certificate.id || status.status !== 'revoked') return verdict;
	return { ...verdict, status: 'revoked', revokedAt: status.revokedAt ?? '', reason: status.reason };
}

export function isRevocationStatus(value: unknown): value is RevocationStatus {
	if (typeof value !== 'object' || value === null) return false;
	const status = value as Record<string, unknown>;
	return (
		typeof status.id === 'string' &&
		(status.status === 'active' || status.status === 'revoked') &&
		(status.revokedAt === null || typeof status.revokedAt === 'string') &&
		(status.reason === null || (REVOCATION_REASONS as readonly unknown[]).includes(status.reason))
	);
}
