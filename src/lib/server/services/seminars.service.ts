import { holdsRole, type Membership } from '$lib/identity/memberships';
import { parseLogin, type Login } from '$lib/identity/login';
import { temporaryPassword } from '$lib/identity/temporary-secret';
import { DEFAULT_COMPLETION_RULE, type CompletionRule } from '$lib/training/completion';
import { seminarProblems, type SeminarDraft, type SeminarProblem } from '$lib/training/seminar-schedule';
import { kyrgyzstanDate } from '$lib/utils/calendar-date';
import type { AuditEntry } from '../repos/accounts.repo';
import type { SeminarRecord, SeminarsRepo } from '../repos/seminars.repo';
import type { OwnTrainingRecord, ParticipantRecord, Registration, SeminarCounts, SeminarParticipantsRepo } from '../repos/seminar-participants.repo';
import type { SchoolRecord } from '../repos/schools.repo';
import type { CurrentSession } from './auth.service';

export interface SeminarsDependencies {
	seminars: SeminarsRepo;
	participants: SeminarParticipantsRepo;
	schools: { search(input: { regionCode?: string; limit: number }): Promise<SchoolRecord[]> };
	accounts: {
		findByLogin(login: string): Promise<{ personId: string } | undefined>;
		loginTaken(login: string): Promise<boolean>;
		create(input: { personId: string; accountId: string; login: Login; displayName: string | null; passwordHash: string; at: string; audit: AuditEntry }): Promise<void>;
	};
	hashTemporary: (password: string) => string;
	memberships: { forPerson(personId: string): Promise<Membership[]> };
	regionCodes: readonly string[];
	/** Each training programme (its course id) and its sessions (the course's lessons), in order. */
	programmes: Record<string, readonly string[]>;
	/** A programme's completion rule as its content states it; the default where it states none. */
	completionRules?: Record<string, CompletionRule>;
	newId: () => string;
	randomBytes: (length: number) => Uint8Array;
	now: () => Date;
}

export type SeminarsFailure =
	| { code: 'draft-invalid'; problems: SeminarProblem[] }
	| { code: 'trainer-unknown'; logins: string[] }
	| { code: 'school-unknown'; schoolCodes: string[] }
	| { code: 'not-complete' }
	| { code: 'login-invalid' }
	| { code: 'login-taken' }
	| { code: 'not-provisional' }
	| { code: 'not-found' };

/** A seminar as lists show it: its record with how many registered, attended and completed. */
export interface SeminarListItem extends SeminarRecord, Omit<SeminarCounts, 'firstAttendedAt'> {
	/** Kyrgyzstan day of the first attendance recorded; null while the seminar has not been held. */
	heldOn: string | null;
}

/** Everything a trainer's device needs to run a seminar offline (cached whole in IndexedDB). */
export interface SeminarKit {
	seminar: SeminarListItem;
	/** Only for the seminar's own trainers: their devices sign session QR codes with it. */
	checkInKey: string | null;
	participants: ParticipantRecord[];
	/** The schools of the seminar's region, for registering a teacher on the spot. */
	schools: Omit<SchoolRecord, 'regionCode'>[];
}

/** A region has a few hundred schools at most; the kit carries them all. */
const KIT_SCHOOLS_LIMIT = 2000;

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
		 * schedules one runs it too. The seminar gets a fresh check-in key and its programme's completion rule of today,
		 * which it keeps when the programme's rule changes later.
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
					completionRule: deps.completionRules?.[input.programmeId] ?? DEFAULT_COMPLETION_RULE,
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
		async list(session: CurrentSession): Promise<SeminarListItem[]> {
			let records: SeminarRecord[];
			if (await isProgrammeAdmin(session)) records = await deps.seminars.list();
			else {
				const memberships = await deps.memberships.forPerson(session.personId);
				const mine = memberships.filter((membership) => membership.role === 'trainer' && membership.scopeKind === 'seminar' && holdsRole([membership], 'trainer', deps.now()));
				records = await deps.seminars.list(mine.map((membership) => membership.scopeId));
			}
			return withCounts(records, await deps.participants.counts());
		},

		/** The seminar with its participants and the region's schools: for its trainers and programme administrators. */
		async kit(session: CurrentSession, seminarId: string): Promise<Result<SeminarKit>> {
			const seminar = await deps.seminars.find(seminarId);
			const trainer = seminar?.trainerIds.includes(session.personId) ?? false;
			if (!seminar || (!trainer && !(await isProgrammeAdmin(session)))) return { ok: false, failure: { code: 'not-found' } };
			const [item] = withCounts([seminar], await deps.participants.counts());
			const schools = await deps.schools.search({ regionCode: seminar.regionCode, limit: KIT_SCHOOLS_LIMIT });
			return {
				ok: true,
				value: {
					seminar: item!,
					checkInKey: trainer ? ((await deps.seminars.checkInKey(seminarId)) ?? null) : null,
					participants: await deps.participants.participants(seminarId),
					schools: schools.map(({ regionCode: _region, ...school }) => school)
				}
			};
		},

		/** The caller's own training records, as the server folded them (attendance, test, assignment, completion). */
		async mine(session: CurrentSession): Promise<OwnTrainingRecord[]> {
			return deps.participants.recordsOf(session.personId);
		},

		/**
		 * Whom a trainer may certify: a participant of their seminar who met its completion rule (as the server folded
		 * it). Answers the person the id counts as, so a merged id gets the one certificate of the person.
		 */
		async certifiable(session: CurrentSession, seminarId: string, personId: string): Promise<Result<{ personId: string; programmeId: string }>> {
			const seminar = await deps.seminars.find(seminarId);
			// A seminar's trainer for any participant; a participant for themselves.
			const allowed = seminar !== undefined && (seminar.trainerIds.includes(session.personId) || personId === session.personId);
			if (!seminar || !allowed) return { ok: false, failure: { code: 'not-found' } };
			const state = await deps.participants.completion(personId, seminarId);
			if (state.completedAt === null) return { ok: false, failure: { code: 'not-complete' } };
			return { ok: true, value: { personId: state.personId, programmeId: seminar.programmeId } };
		},

		/**
		 * Binds a person created on the spot to an account of their own: a login (phone or username) and a temporary
		 * password the trainer hands over, to be changed at first sign-in. Someone who already has an account is merged
		 * by an administrator instead (a taken login says so).
		 */
		async giveAccount(session: CurrentSession, seminarId: string, personId: string, loginText: string): Promise<Result<{ personId: string; login: string; temporaryPassword: string }>> {
			const seminar = await deps.seminars.find(seminarId);
			if (!seminar || !seminar.trainerIds.includes(session.personId)) return { ok: false, failure: { code: 'not-found' } };
			const name = await deps.participants.provisionalName(personId, seminarId);
			if (name === undefined) return { ok: false, failure: { code: 'not-provisional' } };
			const login = parseLogin(loginText);
			if ('problem' in login) return { ok: false, failure: { code: 'login-invalid' } };
			if (await deps.accounts.loginTaken(login.value)) return { ok: false, failure: { code: 'login-taken' } };
			const password = temporaryPassword(deps.randomBytes);
			const at = deps.now().toISOString();
			await deps.accounts.create({
				personId,
				accountId: deps.newId(),
				login,
				displayName: name,
				passwordHash: deps.hashTemporary(password),
				at,
				audit: { id: deps.newId(), at, actorAccountId: session.accountId, action: 'person.bound-to-account', subjectPersonId: personId, scopeKind: 'seminar', scopeId: seminarId, details: { loginKind: login.kind } }
			});
			await deps.participants.markBound(personId, at);
			return { ok: true, value: { personId, login: login.value, temporaryPassword: password } };
		},

		/**
		 * A trainer registers participants: existing people by id (a scanned QR code), or people they created offline
		 * with a name, a phone and a school (provisional until bound to an account or merged). Idempotent by person id.
		 */
		async register(session: CurrentSession, seminarId: string, registrations: readonly Registration[]): Promise<Result<{ registered: string[]; unknown: string[]; flagged: number }>> {
			const seminar = await deps.seminars.find(seminarId);
			if (!seminar || !seminar.trainerIds.includes(session.personId)) return { ok: false, failure: { code: 'not-found' } };
			const schoolCodes = registrations.flatMap((registration) => ('provisional' in registration ? [registration.provisional.schoolCode] : []));
			const unknownSchools = await deps.participants.unknownSchools(schoolCodes);
			if (unknownSchools.length > 0) return { ok: false, failure: { code: 'school-unknown', schoolCodes: unknownSchools } };
			const value = await deps.participants.register({ seminarId, registrations, byAccount: session.accountId, at: deps.now().toISOString() });
			return { ok: true, value };
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

function withCounts(records: readonly SeminarRecord[], counts: Map<string, SeminarCounts>): SeminarListItem[] {
	return records.map((record) => {
		const { firstAttendedAt, ...figures } = counts.get(record.id) ?? { participants: 0, attended: 0, completed: 0, firstAttendedAt: null };
		return { ...record, ...figures, heldOn: firstAttendedAt === null ? null : kyrgyzstanDate(new Date(firstAttendedAt)) };
	});
}
