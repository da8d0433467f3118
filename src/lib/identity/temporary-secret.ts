/**
 * What a reset hands over: a temporary password an adult types once and then replaces, or three new pictures for a
 * child. Made from injected random bytes, so it is pure and testable.
 */
import { PICTURES, PICTURES_TO_PICK, type ChildSecret } from './picture-password';

/** No 0/o, 1/l/i: it is read aloud or copied from a teacher's screen. */
const READABLE = 'abcdefghjkmnpqrstuvwxyz23456789';
const GROUPS = 4;
const GROUP_LENGTH = 4;

/** Sixteen characters from 31 (about 79 bits), as `k7dm-q2xa-9fpr-3hcw`: enough to store with a fast hash (see secrets.ts). */
export function temporaryPassword(randomBytes: (length: number) => Uint8Array): string {
	const characters: string[] = [];
	while (characters.length < GROUPS * GROUP_LENGTH) {
		for (const byte of randomBytes(16)) {
			// Rejection sampling keeps every character equally likely (248 = 8 × 31).
			if (byte < 248 && characters.length < GROUPS * GROUP_LENGTH) characters.push(READABLE[byte % READABLE.length]!);
		}
	}
	return Array.from({ length: GROUPS }, (_, group) => characters.slice(group * GROUP_LENGTH, (group + 1) * GROUP_LENGTH).join('')).join('-');
}

/** Three pictures in order (repeats allowed, as when a child picks them). */
export function temporaryPictures(randomBytes: (length: number) => Uint8Array): ChildSecret {
	const pictures: string[] = [];
	while (pictures.length < PICTURES_TO_PICK) {
		for (const byte of randomBytes(8)) {
			if (byte < 252 && pictures.length < PICTURES_TO_PICK) pictures.push(PICTURES[byte % PICTURES.length]!);
		}
	}
	return { kind: 'pictures', pictures };
}
