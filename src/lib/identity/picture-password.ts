/**
 * Secrets a child can remember: three pictures in order, or a 4-digit PIN. They are weak on their own, so they only
 * work together with the class code and the child's name, and the sign-in lockout applies.
 */
export const PICTURES = ['sun', 'moon', 'star', 'apple', 'horse', 'yurt', 'book', 'ball', 'tree'] as const;
export type Picture = (typeof PICTURES)[number];
export const PICTURES_TO_PICK = 3;

export type ChildSecret = { kind: 'pictures'; pictures: string[] } | { kind: 'pin'; pin: string };

/** The secret as the text that gets hashed, or why it is not acceptable. */
export function childSecretText(secret: ChildSecret): { text: string } | { problem: 'pictures-invalid' | 'pin-invalid' } {
	if (secret.kind === 'pin') return /^\d{4}$/.test(secret.pin) ? { text: `pin:${secret.pin}` } : { problem: 'pin-invalid' };
	const valid =
		secret.pictures.length === PICTURES_TO_PICK && secret.pictures.every((picture) => (PICTURES as readonly string[]).includes(picture));
	return valid ? { text: `pictures:${secret.pictures.join('.')}` } : { problem: 'pictures-invalid' };
}

/** A child's login name is their place in a class, not anything they type. */
export function classLoginName(classId: string, personId: string): string {
	return `class:${classId}:${personId}`;
}
