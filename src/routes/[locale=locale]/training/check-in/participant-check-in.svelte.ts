import type { ProfileRow } from '$lib/storage/database';
import { subjectIdsOf } from '$lib/storage/profile-rules';
import { requestSync } from '$lib/sync/sync-loop.svelte';
import { checkScannedSessionToken, type ScannedSessionProblem } from '$lib/training/session-check-in';
import type { SessionTokenFields } from '$lib/training/session-token';
import { attendanceOnDevice, trainingProgressRepo } from '../training-device';

export type CheckInOutcome =
	| { kind: 'recorded' | 'already'; fields: SessionTokenFields }
	| { kind: 'problem'; problem: ScannedSessionProblem }
	| { kind: 'save-failed' };

/**
 * A participant checking in by the session QR, offline. Their app has no key, so it checks the token's shape and day
 * and records `seminar.attended` (method session-qr) as the participant's own event with the token as its proof; the
 * server checks the MAC when it syncs. A second scan of the same session records nothing new.
 */
export class ParticipantCheckIn {
	outcome = $state.raw<CheckInOutcome>();
	/** The profile's check-ins on this device, newest first. */
	history = $state.raw<{ id: string; seminarId: string; sessionId: string; at: string }[]>([]);

	async load(profile: ProfileRow): Promise<void> {
		const ids = subjectIdsOf(profile);
		const events = await attendanceOnDevice((event) => ids.includes(event.subject.id));
		this.history = events.map((event) => ({ id: event.id, seminarId: event.payload.seminarId, sessionId: event.payload.sessionId, at: event.at })).reverse();
	}

	async scan(profile: ProfileRow, text: string, now = new Date()): Promise<boolean> {
		const checked = checkScannedSessionToken(text, now);
		if (!checked.ok) {
			this.outcome = { kind: 'problem', problem: checked.problem };
			return false;
		}
		const { seminarId, sessionId } = checked.fields;
		if (this.history.some((item) => item.seminarId === seminarId && item.sessionId === sessionId)) {
			this.outcome = { kind: 'already', fields: checked.fields };
			return true;
		}
		try {
			const repo = await trainingProgressRepo();
			await repo.recordTrainingEvent({ kind: 'learner', id: profile.id }, { type: 'seminar.attended', payload: { seminarId, sessionId, method: 'session-qr' } }, { proof: checked.token });
		} catch {
			this.outcome = { kind: 'save-failed' };
			return false;
		}
		requestSync('write');
		this.outcome = { kind: 'recorded', fields: checked.fields };
		await this.load(profile);
		return true;
	}
}
