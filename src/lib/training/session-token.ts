/**
 * The signed token a trainer's device shows as a QR code for one seminar session, made offline: a participant scans it
 * in their own app, and their `seminar.attended` event carries it as `proof`. The server, which gave the trainer's
 * device the seminar's check-in key, checks the MAC, the session and the time window. Pure: the MAC function is
 * injected (WebCrypto HMAC-SHA-256 in the browser and on the server).
 *
 * Format (fits a small QR): `tz1.<seminarId>.<sessionId>.<notBefore>.<notAfter>.<mac>` — times in Unix seconds,
 * the MAC base64url of the first 16 bytes of HMAC-SHA-256 over everything before it.
 */
export type Mac = (key: Uint8Array, message: string) => Promise<Uint8Array>;

export interface SessionTokenFields {
	seminarId: string;
	sessionId: string;
	/** Unix seconds: the token checks people in from here … */
	notBefore: number;
	/** … until here (a session's length plus a margin for late arrivals). */
	notAfter: number;
}

const PREFIX = 'tz1';
const MAC_BYTES = 16;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Device clocks in villages drift: an event up to this far outside the window still counts. */
export const CLOCK_TOLERANCE_SECONDS = 15 * 60;

function messageOf(fields: SessionTokenFields): string {
	return [PREFIX, fields.seminarId, fields.sessionId, fields.notBefore, fields.notAfter].join('.');
}

function base64Url(bytes: Uint8Array): string {
	let binary = '';
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export async function signSessionToken(fields: SessionTokenFields, key: Uint8Array, mac: Mac): Promise<string> {
	const message = messageOf(fields);
	return `${message}.${base64Url((await mac(key, message)).slice(0, MAC_BYTES))}`;
}

/** Reads a scanned token without checking it (the participant's app shows which session it is for). */
export function readSessionToken(token: string): SessionTokenFields | undefined {
	const parts = token.split('.');
	if (parts.length !== 6 || parts[0] !== PREFIX) return undefined;
	const [, seminarId, sessionId, notBefore, notAfter] = parts as [string, string, string, string, string, string];
	if (!ID.test(seminarId) || !ID.test(sessionId) || !/^\d{1,12}$/.test(notBefore) || !/^\d{1,12}$/.test(notAfter)) return undefined;
	const fields = { seminarId, sessionId, notBefore: Number(notBefore), notAfter: Number(notAfter) };
	return fields.notBefore <= fields.notAfter ? fields : undefined;
}

export type SessionTokenProblem = 'malformed' | 'bad-signature' | 'other-session' | 'outside-window';

/** Checks a token against the key and the attendance it is the proof of (the event's seminar, session and time). */
export async function verifySessionToken(
	token: string,
	key: Uint8Array,
	mac: Mac,
	claim: { seminarId: string; sessionId: string; at: Date }
): Promise<{ ok: true; fields: SessionTokenFields } | { ok: false; problem: SessionTokenProblem }> {
	const fields = readSessionToken(token);
	if (!fields) return { ok: false, problem: 'malformed' };
	const expected = await signSessionToken(fields, key, mac);
	if (!constantTimeEqual(expected, token)) return { ok: false, problem: 'bad-signature' };
	if (fields.seminarId !== claim.seminarId || fields.sessionId !== claim.sessionId) return { ok: false, problem: 'other-session' };
	const seconds = Math.floor(claim.at.getTime() / 1000);
	if (seconds < fields.notBefore - CLOCK_TOLERANCE_SECONDS || seconds > fields.notAfter + CLOCK_TOLERANCE_SECONDS) return { ok: false, problem: 'outside-window' };
	return { ok: true, fields };
}

function constantTimeEqual(a: string, b: string): boolean {
	if (a.length !== b.length) return false;
	let difference = 0;
	for (let index = 0; index < a.length; index++) difference |= a.charCodeAt(index) ^ b.charCodeAt(index);
	return difference === 0;
}

/** WebCrypto HMAC-SHA-256, the same in the browser and in Node ≥ 20. */
export const webCryptoMac: Mac = async (key, message) => {
	const imported = await crypto.subtle.importKey('raw', key as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
	return new Uint8Array(await crypto.subtle.sign('HMAC', imported, new TextEncoder().encode(message)));
};
