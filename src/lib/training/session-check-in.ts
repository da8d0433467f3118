/**
 * The session QR on both sides, with no connection. The trainer's device signs a token valid for the session's day in
 * Kyrgyzstan; the participant's device cannot check the MAC (it has no key — the server does), so it checks only the
 * token's shape and that now is inside its window (with the clock tolerance the server allows too). Pure.
 */
import { CLOCK_TOLERANCE_SECONDS, readSessionToken, type SessionTokenFields } from './session-token';

const KYRGYZSTAN_OFFSET_SECONDS = 6 * 3600;
const DAY_SECONDS = 86_400;

/** The whole session day in Kyrgyzstan (UTC+6), in Unix seconds: people arrive early and stay late. */
export function sessionWindow(heldOn: string): { notBefore: number; notAfter: number } {
	const notBefore = Date.parse(`${heldOn}T00:00:00Z`) / 1000 - KYRGYZSTAN_OFFSET_SECONDS;
	return { notBefore, notAfter: notBefore + DAY_SECONDS - 1 };
}

export type ScannedSessionProblem = 'not-a-session-code' | 'too-early' | 'too-late';

export type ScannedSession = { ok: true; fields: SessionTokenFields; token: string } | { ok: false; problem: ScannedSessionProblem };

/** What the participant's app can tell about a scanned session code by itself. */
export function checkScannedSessionToken(text: string, now: Date): ScannedSession {
	const token = text.trim();
	const fields = readSessionToken(token);
	if (!fields) return { ok: false, problem: 'not-a-session-code' };
	const seconds = Math.floor(now.getTime() / 1000);
	if (seconds < fields.notBefore - CLOCK_TOLERANCE_SECONDS) return { ok: false, problem: 'too-early' };
	if (seconds > fields.notAfter + CLOCK_TOLERANCE_SECONDS) return { ok: false, problem: 'too-late' };
	return { ok: true, fields, token };
}

/** The session a trainer most likely runs now: today's, else the next one, else the last one held. */
export function currentSessionId(sessions: readonly { sessionId: string; heldOn: string; ordinal: number }[], today: string): string | undefined {
	const ordered = [...sessions].sort((a, b) => a.heldOn.localeCompare(b.heldOn) || a.ordinal - b.ordinal);
	return (ordered.find((session) => session.heldOn === today) ?? ordered.find((session) => session.heldOn > today) ?? ordered.at(-1))?.sessionId;
}
