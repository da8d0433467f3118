/**
 * The trainer's side of a participant's completion on the seminar page: the parts of the rule as the server folded
 * them (for the roster), whether a certificate may be asked for, and what the server's answer to
 * `POST /api/seminars/:id/certificates` means for the page. Pure.
 */
import type { AssignmentState, Completion, MissingPart } from './completion';

export interface CompletionPart {
	part: MissingPart;
	done: boolean;
}

/** The rule's parts in the order a participant would be told, each done or still missing; none when not counted. */
export function completionParts(completion: Completion | null): CompletionPart[] {
	if (!completion) return [];
	return (['attendance', 'test', 'assignment'] as const).map((part) => ({ part, done: !completion.missing.includes(part) }));
}

/** The attendance part in figures: sessions attended of those the rule asks for. */
export function attendanceFigures(completion: Completion): { attended: number; required: number } {
	return { attended: Math.min(completion.attended, completion.total), required: completion.required };
}

/** An assignment state other than "accepted" or "none" is one the trainer can act on (review it). */
export function assignmentNeedsReview(state: AssignmentState): boolean {
	return state === 'submitted';
}

/**
 * A certificate is asked for only when the server counted the person complete and there is a connection; someone
 * registered on this device and not yet in the kit is unknown to the server's fold.
 */
export function canIssueCertificate(row: { completion: Completion | null; addedHere: boolean }, online: boolean): boolean {
	return online && !row.addedHere && row.completion?.complete === true;
}

export type CertificateOutcome =
	| { kind: 'issued'; certificateId: string; qrToken: string | null; created: boolean }
	| { kind: 'not-complete' }
	| { kind: 'name-missing' }
	| { kind: 'refused' }
	| { kind: 'offline' }
	| { kind: 'failed' };

/** The server's answer, as `callApi` gives it (status 0 when it was never reached). */
export type CertificateAnswer = { ok: true; status: number; value: unknown } | { ok: false; status: number; error: string };

export function certificateOutcome(answer: CertificateAnswer): CertificateOutcome {
	if (answer.ok) {
		const value = answer.value as { id?: unknown; qrToken?: unknown } | null;
		if (typeof value?.id !== 'string' || value.id === '') return { kind: 'failed' };
		return { kind: 'issued', certificateId: value.id, qrToken: typeof value.qrToken === 'string' ? value.qrToken : null, created: answer.status === 201 };
	}
	if (answer.status === 0) return { kind: 'offline' };
	if (answer.error === 'not-complete') return { kind: 'not-complete' };
	if (answer.error === 'name-missing') return { kind: 'name-missing' };
	if (answer.status === 401 || answer.status === 403 || answer.status === 404) return { kind: 'refused' };
	return { kind: 'failed' };
}
