import { describe, expect, it } from 'vitest';
import { CLOCK_TOLERANCE_SECONDS, readSessionToken, signSessionToken, verifySessionToken, webCryptoMac } from './session-token';

const key = new Uint8Array(32).map((_, index) => index * 7);
const fields = { seminarId: '0190d000-0000-7000-8000-000000000001', sessionId: 's3', notBefore: 1_796_000_000, notAfter: 1_796_010_800 };
const during = new Date((fields.notBefore + 600) * 1000);

describe('session check-in tokens', () => {
	it('round-trips: a token made offline is read back and verified for its own session and time', async () => {
		const token = await signSessionToken(fields, key, webCryptoMac);
		expect(token).toMatch(/^tz1\.0190d000-0000-7000-8000-000000000001\.s3\.1796000000\.1796010800\.[A-Za-z0-9_-]{22}$/);
		expect(token.length).toBeLessThan(110);
		expect(readSessionToken(token)).toEqual(fields);
		expect(await verifySessionToken(token, key, webCryptoMac, { seminarId: fields.seminarId, sessionId: 's3', at: during })).toEqual({ ok: true, fields });
	});

	it('refuses a changed character, another key, another session, a time outside the window, and garbage', async () => {
		const token = await signSessionToken(fields, key, webCryptoMac);
		const claim = { seminarId: fields.seminarId, sessionId: 's3', at: during };
		const tampered = token.replace('.s3.', '.s4.');
		expect(await verifySessionToken(tampered, key, webCryptoMac, { ...claim, sessionId: 's4' })).toEqual({ ok: false, problem: 'bad-signature' });
		expect(await verifySessionToken(token, key.map((byte) => byte ^ 1), webCryptoMac, claim)).toEqual({ ok: false, problem: 'bad-signature' });
		expect(await verifySessionToken(token, key, webCryptoMac, { ...claim, sessionId: 's4' })).toEqual({ ok: false, problem: 'other-session' });
		const tooLate = new Date((fields.notAfter + CLOCK_TOLERANCE_SECONDS + 1) * 1000);
		expect(await verifySessionToken(token, key, webCryptoMac, { ...claim, at: tooLate })).toEqual({ ok: false, problem: 'outside-window' });
		const slightlyEarly = new Date((fields.notBefore - 60) * 1000);
		expect((await verifySessionToken(token, key, webCryptoMac, { ...claim, at: slightlyEarly })).ok).toBe(true);
		for (const garbage of ['', 'tz1', 'tz2.a.b.1.2.mac', 'tz1.A.b.1.2.mac', 'tz1.a.b.3.2.mac', 'tz1.a.b.x.2.mac']) {
			expect(await verifySessionToken(garbage, key, webCryptoMac, claim)).toEqual({ ok: false, problem: 'malformed' });
		}
	});
});
