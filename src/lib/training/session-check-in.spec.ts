import { describe, expect, it } from 'vitest';
import { checkScannedSessionToken, currentSessionId, sessionWindow } from './session-check-in';
import { CLOCK_TOLERANCE_SECONDS, signSessionToken, webCryptoMac } from './session-token';

const seminarId = '0190d000-0000-7000-8000-000000000001';
const key = new Uint8Array(32).fill(3);

describe('checking in to a session by its QR code', () => {
	it('a session code is valid for its whole day in Bishkek, not the UTC day', () => {
		const window = sessionWindow('2026-11-27');
		expect(new Date(window.notBefore * 1000).toISOString()).toBe('2026-11-26T18:00:00.000Z');
		expect(new Date(window.notAfter * 1000).toISOString()).toBe('2026-11-27T17:59:59.000Z');
	});

	it('the participant accepts a code of today, with the clock tolerance at both ends, and says when it is not', async () => {
		const window = sessionWindow('2026-11-27');
		const token = await signSessionToken({ seminarId, sessionId: 'case-method', ...window }, key, webCryptoMac);
		const at = (seconds: number) => new Date(seconds * 1000);
		expect(checkScannedSessionToken(` ${token} `, at(window.notBefore + 3600))).toEqual({ ok: true, token, fields: { seminarId, sessionId: 'case-method', ...window } });
		expect(checkScannedSessionToken(token, at(window.notBefore - CLOCK_TOLERANCE_SECONDS)).ok).toBe(true);
		expect(checkScannedSessionToken(token, at(window.notBefore - CLOCK_TOLERANCE_SECONDS - 1))).toEqual({ ok: false, problem: 'too-early' });
		expect(checkScannedSessionToken(token, at(window.notAfter + CLOCK_TOLERANCE_SECONDS)).ok).toBe(true);
		expect(checkScannedSessionToken(token, at(window.notAfter + CLOCK_TOLERANCE_SECONDS + 1))).toEqual({ ok: false, problem: 'too-late' });
	});

	it('anything else scanned is not a session code', () => {
		for (const text of ['', 'tzp1.0190d000-0000-7000-8000-00000000000a.QQ', 'https://taza.kg/ky/join?code=MEKTP7', 'tz1.a.b.9.1.mac']) {
			expect(checkScannedSessionToken(text, new Date())).toEqual({ ok: false, problem: 'not-a-session-code' });
		}
	});

	it("the trainer's page opens on today's session, else the next, else the last", () => {
		const sessions = [
			{ sessionId: 'legal-basics', heldOn: '2026-11-26', ordinal: 0 },
			{ sessionId: 'case-method', heldOn: '2026-11-26', ordinal: 1 },
			{ sessionId: 'role-play', heldOn: '2026-11-28', ordinal: 2 }
		];
		expect(currentSessionId(sessions, '2026-11-26')).toBe('legal-basics');
		expect(currentSessionId(sessions, '2026-11-27')).toBe('role-play');
		expect(currentSessionId(sessions, '2026-12-01')).toBe('role-play');
		expect(currentSessionId([], '2026-12-01')).toBeUndefined();
	});
});
