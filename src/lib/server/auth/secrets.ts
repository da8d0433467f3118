import { hash, verify } from '@node-rs/argon2';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const TEMPORARY_PREFIX = 'temporary-sha256$';

/**
 * argon2id (the library's default algorithm) with its recommended memory and time costs — for everything a person
 * chose. A temporary password the server made (79 random bits, see identity/temporary-secret.ts) is stored with
 * SHA-256 like a session token: guessing it offline is as hopeless, and an import of 2,000 members does not spend
 * minutes in argon2. It works once: the holder must choose their own password at the next sign-in.
 */
export const passwordHasher = {
	hash: (password: string): Promise<string> => hash(password),
	hashTemporary: (password: string): string => TEMPORARY_PREFIX + hashToken(password),
	verify: async (passwordHash: string, password: string): Promise<boolean> => {
		if (passwordHash.startsWith(TEMPORARY_PREFIX)) {
			const expected = Buffer.from(passwordHash.slice(TEMPORARY_PREFIX.length), 'hex');
			const actual = Buffer.from(hashToken(password), 'hex');
			return expected.length === actual.length && timingSafeEqual(expected, actual);
		}
		return verify(passwordHash, password).catch(() => false);
	}
};

/** Stored for an erased person: matches no password, so the account can never be signed in to again. */
export const UNUSABLE_PASSWORD_HASH = '!erased';

/** What signing in needs; resets and imports also use `hashTemporary`. */
export type PasswordHasher = Pick<typeof passwordHasher, 'hash' | 'verify'>;

/** A session token: 256 random bits, sent to the browser once; the server keeps only its hash. */
export function newToken(): string {
	return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}
