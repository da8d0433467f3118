/**
 * The participant's QR code (issue #7): a teacher shows it in their own app and the trainer scans it to check them in.
 * `tzp1.<personId>.<base64url(UTF-8 display name)>` — the id is what counts; the name is only for the trainer's
 * screen (it is not signed, so the server never trusts it). Pure; a bad code is a value, never a throw.
 */
const PREFIX = 'tzp1';
/** Server person ids are UUIDs (v4 for accounts, v7 for guests and people a trainer creates offline), lowercase. */
const PERSON_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Keeps the QR small enough for a cheap phone's camera to read across a table. */
export const MAX_PARTICIPANT_NAME_LENGTH = 80;

export interface ParticipantCode {
	personId: string;
	displayName: string;
}

export type ParticipantCodeProblem = 'not-a-participant-code' | 'person-id-invalid' | 'name-invalid';

export type ParticipantCodeResult = { ok: true; code: ParticipantCode } | { ok: false; problem: ParticipantCodeProblem };

function toBase64Url(text: string): string {
	let binary = '';
	for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string | undefined {
	if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
	try {
		const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
		return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
	} catch {
		return undefined;
	}
}

/** A long name is cut (by characters, never inside one) so the code stays scannable. */
export function encodeParticipantCode(code: ParticipantCode): string {
	const name = [...code.displayName.trim()].slice(0, MAX_PARTICIPANT_NAME_LENGTH).join('');
	return `${PREFIX}.${code.personId}.${toBase64Url(name)}`;
}

/** Reads what a camera or a pasted text gave: surrounding spaces are forgiven, anything else is named. */
export function parseParticipantCode(text: string): ParticipantCodeResult {
	const parts = text.trim().split('.');
	if (parts.length !== 3 || parts[0] !== PREFIX) return { ok: false, problem: 'not-a-participant-code' };
	const [, personId, encodedName] = parts as [string, string, string];
	if (!PERSON_ID.test(personId)) return { ok: false, problem: 'person-id-invalid' };
	const displayName = fromBase64Url(encodedName);
	if (displayName === undefined || [...displayName].length > MAX_PARTICIPANT_NAME_LENGTH || /[\p{Cc}]/u.test(displayName)) {
		return { ok: false, problem: 'name-invalid' };
	}
	return { ok: true, code: { personId, displayName } };
}
