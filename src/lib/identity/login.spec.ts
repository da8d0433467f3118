import { describe, expect, it } from 'vitest';
import { checkPassword, parseLogin } from './login';
import { afterFailure, lockedForSeconds } from './sign-in-lockout';

describe('parseLogin', () => {
	it('reads a Kyrgyz mobile number however it is written', () => {
		for (const input of ['0555 123 456', '555123456', '+996 555 123-456', '996(555)123456']) {
			expect(parseLogin(input)).toEqual({ kind: 'phone', value: '+996555123456' });
		}
	});

	it('refuses numbers of the wrong length', () => {
		expect(parseLogin('0555 12')).toEqual({ problem: 'phone-invalid' });
		expect(parseLogin('+7 912 345 67 89')).toEqual({ problem: 'phone-invalid' });
	});

	it('takes anything else as a case-insensitive username', () => {
		expect(parseLogin(' Aibek.T ')).toEqual({ kind: 'username', value: 'aibek.t' });
		expect(parseLogin('ab')).toEqual({ problem: 'username-invalid' });
		expect(parseLogin('айбек')).toEqual({ problem: 'username-invalid' });
		expect(parseLogin('   ')).toEqual({ problem: 'empty' });
	});
});

describe('checkPassword', () => {
	it('asks for at least 8 characters, counting letters not bytes', () => {
		expect(checkPassword('short')).toBe('too-short');
		expect(checkPassword('мугалим1')).toBeUndefined();
		expect(checkPassword('x'.repeat(201))).toBe('too-long');
	});
});

describe('sign-in lockout', () => {
	const at = (minutes: number) => new Date(Date.parse('2026-11-26T10:00:00Z') + minutes * 60_000);

	it('locks after the fifth wrong password for fifteen minutes', () => {
		let failures = { count: 0, lastAt: null as string | null };
		for (let i = 0; i < 4; i += 1) failures = afterFailure(failures, at(0));
		expect(lockedForSeconds(failures, at(0))).toBe(0);
		failures = afterFailure(failures, at(1));
		expect(lockedForSeconds(failures, at(1))).toBe(15 * 60);
		expect(lockedForSeconds(failures, at(10))).toBe(6 * 60);
		expect(lockedForSeconds(failures, at(16))).toBe(0);
	});

	it('starts counting afresh once a lock has passed', () => {
		let failures = { count: 5, lastAt: at(0).toISOString() as string | null };
		failures = afterFailure(failures, at(20));
		expect(failures.count).toBe(1);
	});
});
