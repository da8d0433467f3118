import { holdsRole, type Membership } from '$lib/identity/memberships';
import { parseLogin } from '$lib/identity/login';
import { DEFAULT_COMPLETION_RULE } from '$lib/training/completion';
import { seminarProblems, type SeminarDraft, type SeminarProblem } from '$lib/training/seminar-schedule';
import { kyrgyzstanDate } from '$lib/utils/calendar-date';
import type { AuditEntry } from '../repos/accounts.repo';
import type { SeminarRecord, SeminarsRepo } from '../repos/seminars.repo';
import type { CurrentSession } from './auth.service';

export interface SeminarsDependencies {
	seminars: SeminarsRepo;
	accounts: { findByLogin(login: string): Promise<{ personId: string } | undefined> };
	memberships: { forPerson(personId: string): Promise<Membership[]> };
	regionCodes: readonly string[];
	/** Each training programme (its course id) and its sessions (the course's lessons), in order. */
	programmes: Record<string, readonly string[]>;
	newId: () => string;
	randomBytes: (length: number) => Uint8Array;
	now: () => Date;
}

export type SeminarsFailure = { code: 'draft-invalid'; problems: SeminarProblem[] } | { code: 'trainer-unknown'; logins: string[] } | { code: 'not-found' };

type Result<T> = { ok: true; value: T } | { ok: false; failure: SeminarsFailure };

const base64Url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

/** Traveling seminars of teacher training (issue #7): scheduling, who sees which, and the check-in key. */
export function createSeminarsService(deps: SeminarsDependencies) {
	async function isProgrammeAdmin(session: CurrentSession): Promise<boolean> {
		return holdsRole(await deps.memberships.forPerson(session.personId), 'programme-admin', deps.now());
	}

	return {
		/**
		 * A programme administrator or a trainer schedules a seminar. The trainers are named by login; a trainer who
		 * schedules one runs it too. The seminar gets a fresh check-in key and the default completion rule of today.
		 */
		async schedule(session: CurrentSession, input: SeminarDraft & { trainerLogins: string[] }): Promise<Result<{ id: string }>> {
			const now = deps.now();
			const problems = seminarProblems(input, { regionCodes: deps.regionCodes, programmes: deps.programmes, today: kyrgyzstanDate(now) });
			if (problems.length > 0) return { ok: false, failure: { code: 'draft-invalid', problems } };
			const trainerIds = new Set<string>();
			const unknown: string[] = [];
			for (const text of input.trainerLogins) {
				const login = parseLogin(text);
				const account = 'problem' in login ? undefined : await deps.accounts.findByLogin(login.value);
				if (account) trainerIds.add(account.personId);
				else unknown.push(text);
			}
			if (unknown.length > 0) return { ok: false, failure: { code: 'trainer-unknown', logins: unknown } };
			if (!(await isProgrammeAdmin(session))) trainerIds.add(session.personId);
			const id = deps.newId();
			const at = now.toISOString();
			const audit: AuditEntry = {
				id: deps.newId(),
				at,
				actorAccountId: session.accountId,
				action: 'seminar.scheduled',
				subjectPersonId: null,
				scopeKind: 'seminar',
				scopeId: id,
				details: { regionCode: input.regionCode, startsOn: input.startsOn, trainers: [...trainerIds] }
			};
			await deps.seminars.schedule({
				seminar: {
					id,
					programmeId: input.programmeId,
					regionCode: input.regionCode,
					centre: input.centre.trim(),
					venue: input.venue.trim(),
					startsOn: input.startsOn,
					endsOn: input.endsOn,
					capacity: input.capacity,
					completionRule: DEFAULT_COMPLETION_RULE,
					checkInKey: base64Url(deps.randomBytes(32)),
					createdBy: session.accountId,
					createdAt: at,
					cancelledAt: null
				},
				sessions: input.sessions.map((item, ordinal) => ({ sessionId: item.sessionId, heldOn: item.heldOn, ordinal })),
				trainers: [...trainerIds].map((personId) => ({ membershipId: deps.newId(), personId })),
				audit
			});
			return { ok: true, value: { id } };
		},

		/** A programme administrator sees every seminar; a trainer the ones they run. */
		async list(session: CurrentSession): Promise<SeminarRecord[]> {
			if (await isProgrammeAdmin(session)) return deps.seminars.list();
			const memberships = await deps.memberships.forPerson(session.personId);
			const mine = memberships.filter((membership) => membership.role === 'trainer' && membership.scopeKind === 'seminar' && holdsRole([membership], 'trainer', deps.now()));
			return deps.seminars.list(mine.map((membership) => membership.scopeId));
		},

		/** The key a trainer's device signs session QR codes with, offline: for that seminar's trainers only. */
		async checkInKey(session: CurrentSession, seminarId: string): Promise<Result<{ seminarId: string; key: string }>> {
			const seminar = await deps.seminars.find(seminarId);
			if (!seminar || !seminar.trainerIds.includes(session.personId)) return { ok: false, failure: { code: 'not-found' } };
			const key = await deps.seminars.checkInKey(seminarId);
			return key ? { ok: true, value: { seminarId, key } } : { ok: false, failure: { code: 'not-found' } };
		}
	};
}
