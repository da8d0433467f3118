import { localDatabase, type ProfileRow } from '$lib/storage/database';
import { createSeminarsRepo } from '$lib/storage/seminars.repo';
import { requestSync } from '$lib/sync/sync-loop.svelte';
import { parseParticipantCode } from '$lib/training/participant-code';
import { currentSessionId, sessionWindow } from '$lib/training/session-check-in';
import type { SeminarKit } from '$lib/training/seminar-kit';
import { seminarRoster, type RosterRow } from '$lib/training/seminar-roster';
import { signSessionToken, webCryptoMac } from '$lib/training/session-token';
import type { CheckInMethod } from '$lib/progress/training-events';
import { certificateOutcome, type CertificateOutcome } from '$lib/training/trainer-certificate';
import { kyrgyzstanDate } from '$lib/utils/calendar-date';
import { apiGet, apiPost } from '../../api-client';
import { attendanceOnDevice, newDeviceId, trainingProgressRepo } from '../training-device';

export type DeskNotice =
	| { kind: 'recorded' | 'added-and-recorded' | 'already' | 'added'; name: string; sessionId: string }
	| { kind: 'invalid-code' }
	| { kind: 'save-failed' };

export interface NewTeacher {
	displayName: string;
	phone: string;
	schoolCode: string;
}

function keyBytes(base64Url: string): Uint8Array {
	const binary = atob(base64Url.replace(/-/g, '+').replace(/_/g, '/'));
	return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/**
 * A seminar run from the kit on this device, with no connection: the session QR signed here with the kit's check-in
 * key, the roster (the kit's participants, the people registered here and this device's attendance), and check-in by
 * tick or by scanning a participant's code — both recorded by the trainer (`recordedBy`) for the participant.
 */
export class SeminarDesk {
	state = $state<'loading' | 'ready' | 'missing'>('loading');
	kit = $state.raw<SeminarKit>();
	savedAt = $state<string>();
	roster = $state.raw<RosterRow[]>([]);
	sessionId = $state<string>();
	token = $state<string>();
	notice = $state.raw<DeskNotice>();
	/** "Refresh from server": the kit fetched again, so the roster's completion is the server's latest fold. */
	fetching = $state<'idle' | 'fetching' | 'failed' | 'offline'>('idle');
	/** Certificates asked for on this page, by person id. */
	certificates = $state.raw<Record<string, 'issuing' | CertificateOutcome>>({});
	#seminarId = '';
	#trainer: ProfileRow | undefined;
	#repo = createSeminarsRepo<SeminarKit>(localDatabase());

	async open(seminarId: string, trainer: ProfileRow): Promise<void> {
		this.#seminarId = seminarId;
		this.#trainer = trainer;
		const row = await this.#repo.kit(seminarId);
		if (!row) {
			this.state = 'missing';
			return;
		}
		this.kit = row.kit;
		this.savedAt = row.savedAt;
		this.sessionId ??= currentSessionId(row.kit.seminar.sessions, kyrgyzstanDate(new Date()));
		await this.refresh();
		await this.signToken();
		this.state = 'ready';
	}

	/** Fetches the kit again (after a sync, the server's completion includes what this device sent) and keeps it. */
	async refreshFromServer(): Promise<void> {
		if (!this.#trainer || !this.#seminarId) return;
		this.fetching = 'fetching';
		const answer = await apiGet<SeminarKit>(`/api/seminars/${encodeURIComponent(this.#seminarId)}`);
		if (!answer.ok) {
			this.fetching = answer.status === 0 ? 'offline' : 'failed';
			return;
		}
		try {
			await this.#repo.saveKit(this.#seminarId, this.#trainer.id, answer.value);
		} catch {
			this.fetching = 'failed';
			return;
		}
		this.kit = answer.value;
		this.savedAt = new Date().toISOString();
		await this.refresh();
		await this.signToken();
		this.fetching = 'idle';
	}

	/** Asks the server for the participant's training certificate (one per person: asking again answers the same one). */
	async issueCertificate(personId: string, locale: string): Promise<void> {
		if (this.certificates[personId] === 'issuing') return;
		this.certificates = { ...this.certificates, [personId]: 'issuing' };
		const answer = await apiPost<unknown>(`/api/seminars/${encodeURIComponent(this.#seminarId)}/certificates`, { personId, locale });
		this.certificates = { ...this.certificates, [personId]: certificateOutcome(answer) };
	}

	async chooseSession(sessionId: string): Promise<void> {
		this.sessionId = sessionId;
		await this.signToken();
	}

	/** The session QR: signed on this device, valid for the session's whole day in Kyrgyzstan. */
	async signToken(): Promise<void> {
		const session = this.kit?.seminar.sessions.find((candidate) => candidate.sessionId === this.sessionId);
		const key = this.kit?.checkInKey;
		this.token = session && key ? await signSessionToken({ seminarId: this.#seminarId, sessionId: session.sessionId, ...sessionWindow(session.heldOn) }, keyBytes(key), webCryptoMac) : undefined;
	}

	async refresh(): Promise<void> {
		if (!this.kit) return;
		const [registrations, attendance] = await Promise.all([
			this.#repo.registrations(this.#seminarId),
			attendanceOnDevice((event) => event.payload.seminarId === this.#seminarId)
		]);
		this.roster = seminarRoster(
			this.kit.participants,
			registrations.map((row) => ({ personId: row.personId, displayName: row.displayName, schoolCode: row.schoolCode, provisional: row.provisional !== null })),
			attendance.map((event) => ({ subjectId: event.subject.id, sessionId: event.payload.sessionId }))
		);
	}

	/** A roster tick: attendance at the chosen session, recorded by the trainer. */
	async tick(personId: string): Promise<void> {
		const row = this.roster.find((candidate) => candidate.personId === personId);
		if (!row || !this.sessionId) return;
		if (row.attended.includes(this.sessionId)) return;
		if (await this.#record(personId, 'roster')) this.notice = { kind: 'recorded', name: row.displayName, sessionId: this.sessionId };
	}

	/** A participant's code from the camera or typed: registered here when not on the roster, then checked in. */
	async scan(text: string): Promise<boolean> {
		const parsed = parseParticipantCode(text);
		const sessionId = this.sessionId;
		if (!parsed.ok || !this.#trainer || !sessionId) {
			this.notice = { kind: 'invalid-code' };
			return false;
		}
		const { personId, displayName } = parsed.code;
		const known = this.roster.find((row) => row.personId === personId);
		const name = known?.displayName || displayName;
		if (known?.attended.includes(sessionId)) {
			this.notice = { kind: 'already', name, sessionId };
			return true;
		}
		try {
			if (!known) await this.#repo.register(this.#trainer.id, { seminarId: this.#seminarId, personId, displayName, schoolCode: null, provisional: null });
		} catch {
			this.notice = { kind: 'save-failed' };
			return false;
		}
		if (!(await this.#record(personId, 'participant-qr'))) return false;
		this.notice = { kind: known ? 'recorded' : 'added-and-recorded', name, sessionId };
		return true;
	}

	/** A teacher with no account, created here: a person id made on this device, provisional until the server binds it. */
	async addTeacher(teacher: NewTeacher): Promise<boolean> {
		if (!this.#trainer || !this.sessionId) return false;
		const displayName = teacher.displayName.trim();
		const phone = teacher.phone.trim() || null;
		const personId = newDeviceId();
		try {
			await this.#repo.register(this.#trainer.id, {
				seminarId: this.#seminarId,
				personId,
				displayName,
				schoolCode: teacher.schoolCode,
				provisional: { displayName, phone, schoolCode: teacher.schoolCode }
			});
		} catch {
			this.notice = { kind: 'save-failed' };
			return false;
		}
		requestSync('write');
		await this.refresh();
		this.notice = { kind: 'added', name: displayName, sessionId: this.sessionId };
		return true;
	}

	async #record(personId: string, method: CheckInMethod): Promise<boolean> {
		if (!this.#trainer || !this.sessionId) return false;
		try {
			const repo = await trainingProgressRepo();
			await repo.recordTrainingEvent(
				{ kind: 'learner', id: personId },
				{ type: 'seminar.attended', payload: { seminarId: this.#seminarId, sessionId: this.sessionId, method } },
				{ recordedBy: this.#trainer.id }
			);
		} catch {
			this.notice = { kind: 'save-failed' };
			return false;
		}
		requestSync('write');
		await this.refresh();
		return true;
	}
}
