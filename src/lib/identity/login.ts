/**
 * What a person types to sign in, normalised: a Kyrgyz mobile number in any usual form becomes +996XXXXXXXXX; anything
 * else must be a username. No e-mail anywhere: many of our learners have none.
 */
export type Login = { kind: 'phone'; value: string } | { kind: 'username'; value: string };

export type LoginProblem = 'empty' | 'phone-invalid' | 'username-invalid';

const USERNAME = /^[a-z][a-z0-9._-]{2,31}$/;

export function parseLogin(input: string): Login | { problem: LoginProblem } {
	const trimmed = input.trim();
	if (trimmed === '') return { problem: 'empty' };
	const digitsOnly = trimmed.replace(/[\s()-]/g, '');
	if (/^\+?\d+$/.test(digitsOnly)) {
		// 0555123456 (local), 555123456, 996555123456, +996555123456.
		const digits = digitsOnly.replace(/^\+/, '');
		const national = digits.startsWith('996') ? digits.slice(3) : digits.startsWith('0') ? digits.slice(1) : digits;
		return /^\d{9}$/.test(national) ? { kind: 'phone', value: `+996${national}` } : { problem: 'phone-invalid' };
	}
	const username = trimmed.toLowerCase();
	return USERNAME.test(username) ? { kind: 'username', value: username } : { problem: 'username-invalid' };
}

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 200;

export type PasswordProblem = 'too-short' | 'too-long';

export function checkPassword(password: string): PasswordProblem | undefined {
	if ([...password].length < PASSWORD_MIN_LENGTH) return 'too-short';
	if (password.length > PASSWORD_MAX_LENGTH) return 'too-long';
	return undefined;
}
