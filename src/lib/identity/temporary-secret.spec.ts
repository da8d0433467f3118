import { describe, expect, it } from 'vitest';
import { checkPassword } from './login';
import { childSecretText } from './picture-password';
import { temporaryPassword, temporaryPictures } from './temporary-secret';

const bytesFrom = (values: number[]) => {
	let next = 0;
	return (length: number) => Uint8Array.from({ length }, () => values[next++ % values.length]!);
};

describe('temporary secrets', () => {
	it('makes a grouped, readable password that passes the password rules', () => {
		const password = temporaryPassword((length) => crypto.getRandomValues(new Uint8Array(length)));
		expect(password).toMatch(/^([a-hj-km-np-z2-9]{4}-){3}[a-hj-km-np-z2-9]{4}$/);
		expect(checkPassword(password)).toBeUndefined();
	});

	it('skips bytes that would make some characters likelier', () => {
		// 250 is rejected; 0 → 'a', 30 → '9'.
		expect(temporaryPassword(bytesFrom([250, 0, 30]))).toBe('a9a9-a9a9-a9a9-a9a9');
	});

	it('picks three valid pictures', () => {
		const secret = temporaryPictures((length) => crypto.getRandomValues(new Uint8Array(length)));
		expect(childSecretText(secret)).toEqual({ text: expect.stringMatching(/^pictures:\w+\.\w+\.\w+$/) });
		expect(temporaryPictures(bytesFrom([253, 0, 1, 9]))).toEqual({ kind: 'pictures', pictures: ['sun', 'moon', 'sun'] });
	});
});
