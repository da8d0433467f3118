/**
 * The issuer's signing keys, kept in the data directory (`certificate-keys.json`, readable by the server's user only).
 * Made on first start — or by the build, whichever comes first, so that `npm start` bundles the public key it will sign
 * with. Rotating adds a key and closes the current one's window; old public keys stay, so old certificates verify.
 */
import { createHmac, createPrivateKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CompactSign } from 'jose';
import { publicPartOf, signingKeyAt, type Ed25519PublicJwk, type IssuerPublicKey } from '../../certificates/issuer-keys.ts';

export const KEY_RING_FILE = 'certificate-keys.json';

export interface PrivateIssuerKey extends IssuerPublicKey {
	privateKeyJwk: Ed25519PublicJwk & { d: string };
}

export interface KeyRing {
	format: 1;
	/** Keys the recipient pseudonyms (`urn:taza:person:…`): without it nobody can tell which person a certificate names. */
	pseudonymSecret: string;
	keys: PrivateIssuerKey[];
}

export function keyRingPath(dataDir: string): string {
	return path.join(dataDir, KEY_RING_FILE);
}

function newKey(now: Date): PrivateIssuerKey {
	const { privateKey } = generateKeyPairSync('ed25519');
	const jwk = privateKey.export({ format: 'jwk' }) as { kty: 'OKP'; crv: 'Ed25519'; x: string; d: string };
	const day = now.toISOString().slice(0, 10).replace(/-/g, '');
	return {
		// The date says when it started signing; the start of its public part tells keys of one day apart.
		kid: `taza-${day}-${jwk.x.slice(0, 8)}`,
		publicKeyJwk: { kty: 'OKP', crv: 'Ed25519', x: jwk.x },
		privateKeyJwk: { kty: 'OKP', crv: 'Ed25519', x: jwk.x, d: jwk.d },
		validFrom: now.toISOString(),
		validUntil: null
	};
}

export function newKeyRing(now: Date): KeyRing {
	return { format: 1, pseudonymSecret: randomBytes(32).toString('base64url'), keys: [newKey(now)] };
}

/** A new current key from `now`; the one it replaces signs no more from then on. */
export function rotateKeyRing(ring: KeyRing, now: Date): KeyRing {
	const at = now.toISOString();
	return { ...ring, keys: [...ring.keys.map((key) => (key.validUntil === null ? { ...key, validUntil: at } : key)), newKey(now)] };
}

export function readKeyRing(file: string): KeyRing {
	const ring = JSON.parse(readFileSync(file, 'utf8')) as KeyRing;
	if (ring.format !== 1 || typeof ring.pseudonymSecret !== 'string' || !Array.isArray(ring.keys) || ring.keys.length === 0) {
		throw new Error(`${file} is not a Taza certificate key ring`);
	}
	return ring;
}

/** Replaces the file whole (write, then rename), so a crash never leaves half a key ring. */
export function writeKeyRing(file: string, ring: KeyRing): void {
	const temporary = `${file}.${process.pid}.tmp`;
	writeFileSync(temporary, `${JSON.stringify(ring, null, '\t')}\n`, { mode: 0o600 });
	renameSync(temporary, file);
}

/** The key ring of a data directory, made there if it has none. Two processes starting at once end with the same one. */
export function ensureKeyRing(dataDir: string, now: Date = new Date()): KeyRing {
	const file = keyRingPath(dataDir);
	if (!existsSync(file)) {
		mkdirSync(dataDir, { recursive: true });
		const temporary = `${file}.${process.pid}.new`;
		writeFileSync(temporary, `${JSON.stringify(newKeyRing(now), null, '\t')}\n`, { mode: 0o600 });
		try {
			// link() fails when the file exists: whoever linked first wins, the other reads theirs.
			linkSync(temporary, file);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		} finally {
			rmSync(temporary, { force: true });
		}
	}
	return readKeyRing(file);
}

export function publicKeysOf(ring: KeyRing): IssuerPublicKey[] {
	return ring.keys.map(publicPartOf);
}

export interface CertificateSigner {
	/** Signs a JWS with the key current at `at`; throws when no key covers it (a clock before the first key). */
	sign(payload: unknown, typ: string, at: Date): Promise<string>;
	/** `urn:taza:person:<22 characters>`: the same for one person on every certificate, meaningless without the server. */
	pseudonym(personId: string): string;
	currentKeyId(at: Date): string | undefined;
}

export function createCertificateSigner(ring: KeyRing): CertificateSigner {
	const privateKeys = new Map<string, KeyObject>();
	const privateKeyOf = (key: PrivateIssuerKey) => {
		let keyObject = privateKeys.get(key.kid);
		if (!keyObject) privateKeys.set(key.kid, (keyObject = createPrivateKey({ key: { ...key.privateKeyJwk }, format: 'jwk' })));
		return keyObject;
	};
	return {
		async sign(payload, typ, at) {
			const key = signingKeyAt(ring.keys, at);
			if (!key) throw new Error(`no certificate key covers ${at.toISOString()}`);
			return new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ }).sign(privateKeyOf(key));
		},
		pseudonym(personId) {
			return `urn:taza:person:${createHmac('sha256', Buffer.from(ring.pseudonymSecret, 'base64url')).update(personId).digest().subarray(0, 16).toString('base64url')}`;
		},
		currentKeyId(at) {
			return signingKeyAt(ring.keys, at)?.kid;
		}
	};
}
