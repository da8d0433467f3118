import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeParticipantCode, MAX_PARTICIPANT_NAME_LENGTH, parseParticipantCode } from './participant-code';

const personId = '0190d000-0000-7000-8000-00000000000a';

describe('participant QR codes', () => {
	it('carry the person id and a Kyrgyz name through the code and back', () => {
		const text = encodeParticipantCode({ personId, displayName: 'Айгүл Өмүрбекова' });
		expect(text).toMatch(/^tzp1\.0190d000-0000-7000-8000-00000000000a\.[A-Za-z0-9_-]+$/);
		expect(parseParticipantCode(text)).toEqual({ ok: true, code: { personId, displayName: 'Айгүл Өмүрбекова' } });
		expect(parseParticipantCode(`  ${text}\n`)).toEqual({ ok: true, code: { personId, displayName: 'Айгүл Өмүрбекова' } });
	});

	it('round-trip any name up to the length limit, with an account id as well as a device-made one', () => {
		const ids = fc.constantFrom(personId, 'a3bb189e-8bf9-4888-9912-ace4e6543002');
		fc.assert(
			fc.property(ids, fc.string({ unit: 'grapheme', maxLength: MAX_PARTICIPANT_NAME_LENGTH }), (id, name) => {
				fc.pre(!/[\p{Cc}]/u.test(name) && [...name].length <= MAX_PARTICIPANT_NAME_LENGTH && name.trim() === name);
				expect(parseParticipantCode(encodeParticipantCode({ personId: id, displayName: name }))).toEqual({ ok: true, code: { personId: id, displayName: name } });
			})
		);
	});

	it('cut a long name at the limit so the code stays scannable', () => {
		const parsed = parseParticipantCode(encodeParticipantCode({ personId, displayName: 'ө'.repeat(200) }));
		expect(parsed.ok && [...parsed.code.displayName].length).toBe(MAX_PARTICIPANT_NAME_LENGTH);
	});

	it('name what is wrong with a code instead of throwing', () => {
		expect(parseParticipantCode('')).toEqual({ ok: false, problem: 'not-a-participant-code' });
		expect(parseParticipantCode('https://example.org')).toEqual({ ok: false, problem: 'not-a-participant-code' });
		expect(parseParticipantCode('tz1.a.b.1.2.mac')).toEqual({ ok: false, problem: 'not-a-participant-code' });
		expect(parseParticipantCode(`tzp1.${personId}.QQ.extra`)).toEqual({ ok: false, problem: 'not-a-participant-code' });
		expect(parseParticipantCode('tzp1.not-an-id.QQ')).toEqual({ ok: false, problem: 'person-id-invalid' });
		expect(parseParticipantCode(`tzp1.${personId.toUpperCase()}.QQ`)).toEqual({ ok: false, problem: 'person-id-invalid' });
		expect(parseParticipantCode(`tzp1.${personId}.***`)).toEqual({ ok: false, problem: 'name-invalid' });
		// 0xff alone is not UTF-8.
		expect(parseParticipantCode(`tzp1.${personId}._w`)).toEqual({ ok: false, problem: 'name-invalid' });
		expect(parseParticipantCode(`tzp1.${personId}.AA`)).toEqual({ ok: false, problem: 'name-invalid' });
	});
});
