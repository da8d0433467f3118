import { describe, expect, it } from 'vitest';
import { seededRandom } from '$lib/utils/seeded-random';
import { generateJoinCode, isJoinCode, JOIN_CODE_ALPHABET, normaliseJoinCode } from './join-code';

describe('join codes', () => {
	it('are six characters from an alphabet without look-alikes', () => {
		const random = seededRandom(7);
		for (let i = 0; i < 200; i += 1) expect(isJoinCode(generateJoinCode(random))).toBe(true);
		for (const lookAlike of '0O1I2Z5S8B') expect(JOIN_CODE_ALPHABET).not.toContain(lookAlike);
	});

	it('read what a child typed, whatever the case, spaces or dashes', () => {
		expect(normaliseJoinCode(' mektp-7 ')).toBe('MEKTP7');
		expect(isJoinCode(normaliseJoinCode('kcx 4rm'))).toBe(true);
		expect(isJoinCode('KCX4R')).toBe(false);
	});
});
