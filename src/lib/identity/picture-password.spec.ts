import { describe, expect, it } from 'vitest';
import { childSecretText, classLoginName } from './picture-password';

describe('child secrets', () => {
	it('takes exactly three known pictures, in order', () => {
		expect(childSecretText({ kind: 'pictures', pictures: ['sun', 'horse', 'sun'] })).toEqual({ text: 'pictures:sun.horse.sun' });
		expect(childSecretText({ kind: 'pictures', pictures: ['horse', 'sun', 'sun'] })).not.toEqual(childSecretText({ kind: 'pictures', pictures: ['sun', 'horse', 'sun'] }));
		expect(childSecretText({ kind: 'pictures', pictures: ['sun', 'horse'] })).toEqual({ problem: 'pictures-invalid' });
		expect(childSecretText({ kind: 'pictures', pictures: ['sun', 'horse', 'dragon'] })).toEqual({ problem: 'pictures-invalid' });
	});

	it('takes a four-digit PIN', () => {
		expect(childSecretText({ kind: 'pin', pin: '0427' })).toEqual({ text: 'pin:0427' });
		expect(childSecretText({ kind: 'pin', pin: '427' })).toEqual({ problem: 'pin-invalid' });
		expect(childSecretText({ kind: 'pin', pin: '04a7' })).toEqual({ problem: 'pin-invalid' });
	});

	it('names a child by their place in a class', () => {
		expect(classLoginName('class-1', 'person-9')).toBe('class:class-1:person-9');
	});
});
