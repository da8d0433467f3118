/**
 * Class join codes: six characters a child can read off a board and type on a cheap phone. Letters and digits that
 * look alike (0/O, 1/I, 2/Z, 5/S, 8/B) are left out.
 */
export const JOIN_CODE_ALPHABET = 'ACDEFGHJKLMNPQRTUVWXY34679';
export const JOIN_CODE_LENGTH = 6;

export function generateJoinCode(random: () => number): string {
	let code = '';
	for (let i = 0; i < JOIN_CODE_LENGTH; i += 1) {
		code += JOIN_CODE_ALPHABET[Math.floor(random() * JOIN_CODE_ALPHABET.length)] ?? 'A';
	}
	return code;
}

/** What a child typed, as a code: case, spaces and dashes do not matter. */
export function normaliseJoinCode(input: string): string {
	return input.toUpperCase().replace(/[\s-]/g, '');
}

export function isJoinCode(code: string): boolean {
	return code.length === JOIN_CODE_LENGTH && [...code].every((character) => JOIN_CODE_ALPHABET.includes(character));
}
