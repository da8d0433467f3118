import { checkPassword, parseLogin } from '$lib/identity/login';
import { afterFailure, lockedForSeconds } from '$lib/identity/sign-in-lockout';
import type { PasswordHasher } from '../auth/secrets';
import type { AccountsRepo } from '../repos/accounts.repo';
import type { DevicesRepo } from '../repos/devices.repo';
import type { MembershipsRepo } from '../repos/memberships.repo';
import { normaliseJoinCode } from '$lib/identity/join-code';
import { childSecretText, classLoginName, type ChildSecret } from '$lib/identity/picture-password';

/** How long a signed-in browser stays signed in without signing in again. */
export const SESSION_DAYS = 30;
/**
 * How long a profile token lasts. Longer than a page session: a phone that stays offline for a term must still be
 * able to send that profile's progress when it next finds a connection.
 */
export const PROFILE_TOKEN_DAYS = 180;

export type SessionKind = 'cookie' | 'profile';

export interface AuthDependencies {
	accounts: AccountsRepo;
	devices: DevicesRepo;
	classes: Pick<MembershipsRepo, 'classByJoinCode' | 'classRoster'>;
	hasher: PasswordHasher;
	newId: () => string;
	newToken: () => string;
	hashToken: (token: string) => string;
	now: () => Date;
}

export type AuthFailure =
	| { code: 'login-invalid'; reason: string }
	| { code: 'password-invalid'; reason: string }
	| { code: 'login-taken' }
	| { code: 'wrong-credentials' }
	| { code: 'locked'; retryAfterSeconds: number }
	| { code: 'guest-proof-invalid' }
	| { code: 'unknown-class' }
	| { code: 'name-invalid' }
	| { code: 'secret-invalid'; reason: string };

/** A device's claim to a guest learner id it made: the id, the device, and the device's secret. */
export interface GuestProof {
	learnerId: string;
	deviceId: string;
	deviceSecret: string;
}

export interface IssuedSession {
	/** The page session, for the httpOnly cookie. */
	token: string;
	expiresAt: string;
	/**
	 * The profile token, for the device's profile of this person (IndexedDB): API calls and sync send it as a bearer
	 * token, so a shared device never sends one profile's data under another's cookie. Never put in a cookie.
	 */
	profileToken: string;
	profileTokenExpiresAt: string;
	personId: string;
	/** The name the device shows for this profile in "Who is learning?". */
	displayName: string | null;
	/**
	 * Whether the guest learner the device offered is now this account's: adopted as its person id (sign-up, class
	 * join), or recorded as its alias (sign-in). Either way, everything done as that guest is already the account's.
	 */
	adopted: boolean;
}

export interface CurrentSession {
	sessionId: string;
	accountId: string;
	personId: string;
	/** A page cookie, or a profile token sent as `Authorization: Bearer`. */
	kind: SessionKind;
	/** Someone else set the password (a reset, an import): until its holder chooses their own, little else is allowed. */
	mustChangePassword?: boolean;
}

type Result<T> = { ok: true; value: T } | { ok: false; failure: AuthFailure };

/** Signing up and in with a phone number or username and a password; sessions are random tokens stored hashed. */
export function createAuthService(deps: AuthDependencies) {
	/** The guest id is this device's if the device knows its secret and claimed the id first. */
	async function checkGuest(proof: GuestProof | undefined): Promise<'none' | 'invalid' | { learnerId: string; held: boolean }> {
		if (!proof) return 'none';
		const device = await deps.devices.find(proof.deviceId);
		if (!device || device.secretHash !== deps.hashToken(proof.deviceSecret)) return 'invalid';
		if ((await deps.devices.guestOwner(proof.learnerId)) !== proof.deviceId) return 'invalid';
		const held = (await deps.devices.accountHoldsPerson(proof.learnerId)) || (await deps.devices.aliasFor(proof.learnerId)) !== undefined;
		return { learnerId: proof.learnerId, held };
	}

	/** Checks a password against a login name, with the lockout, and merges a proven guest id into the account. */
	async function signInAs(loginName: string | undefined, password: string, guest: GuestProof | undefined): Promise<Result<IssuedSession>> {
		const account = loginName ? await deps.accounts.findByLogin(loginName) : undefined;
		if (!account) {
			// Spend the same time as a real check, so response times do not tell which logins exist.
			await deps.hasher.hash(password);
			return { ok: false, failure: { code: 'wrong-credentials' } };
		}
		const failures = { count: account.failedSignIns, lastAt: account.lastFailedSignInAt };
		const locked = lockedForSeconds(failures, deps.now());
		if (locked > 0) return { ok: false, failure: { code: 'locked', retryAfterSeconds: locked } };
		if (!(await deps.hasher.verify(account.passwordHash, password))) {
			const next = afterFailure(failures, deps.now());
			await deps.accounts.recordFailedSignIn(account.id, next);
			const nowLocked = lockedForSeconds(next, deps.now());
			return { ok: false, failure: nowLocked > 0 ? { code: 'locked', retryAfterSeconds: nowLocked } : { code: 'wrong-credentials' } };
		}
		const guestCheck = await checkGuest(guest);
		if (guestCheck === 'invalid') return { ok: false, failure: { code: 'guest-proof-invalid' } };
		let adopted = false;
		if (typeof guestCheck === 'object' && !guestCheck.held && guestCheck.learnerId !== account.personId) {
			const at = deps.now().toISOString();
			await deps.accounts.mergeGuest({
				aliasId: guestCheck.learnerId,
				personId: account.personId,
				at,
				audit: { id: deps.newId(), at, actorAccountId: account.id, action: 'guest.merged', subjectPersonId: account.personId, details: { guestId: guestCheck.learnerId } }
			});
			adopted = true;
		} else if (typeof guestCheck === 'object') {
			// Already this account's (its own id, or merged at an earlier sign-in): the device may treat it as such.
			adopted = guestCheck.learnerId === account.personId || (await deps.devices.aliasFor(guestCheck.learnerId)) === account.personId;
		}
		return { ok: true, value: await issueSession(account.id, account.personId, adopted) };
	}

	/**
	 * Who a new account is: the proven guest's id, so nothing done as a guest is lost — unless an account already
	 * holds that id, which then stays that account's and the new one gets a fresh id.
	 */
	async function personForNewAccount(proof: GuestProof | undefined): Promise<{ personId: string; adopted: boolean } | 'invalid'> {
		const guest = await checkGuest(proof);
		if (guest === 'invalid') return 'invalid';
		const adopted = typeof guest === 'object' && !guest.held;
		return { personId: adopted ? guest.learnerId : deps.newId(), adopted };
	}

	/** A new session of `kind`, ready to store: the token itself goes to the caller once, only its hash is kept. */
	function newSession(kind: SessionKind, days: number) {
		const token = deps.newToken();
		const createdAt = deps.now();
		const expiresAt = new Date(createdAt.getTime() + days * 86_400_000).toISOString();
		return { token, row: { id: deps.newId(), tokenHash: deps.hashToken(token), kind, createdAt: createdAt.toISOString(), expiresAt } };
	}

	/** Every way in issues both: a page cookie, and a profile token for the device's profile of this person. */
	async function issueSession(accountId: string, personId: string, adopted: boolean): Promise<IssuedSession> {
		const cookie = newSession('cookie', SESSION_DAYS);
		const profile = newSession('profile', PROFILE_TOKEN_DAYS);
		await deps.accounts.startSession({ accountId, sessions: [cookie.row, profile.row] });
		return {
			token: cookie.token,
			expiresAt: cookie.row.expiresAt,
			profileToken: profile.token,
			profileTokenExpiresAt: profile.row.expiresAt,
			personId,
			displayName: await deps.accounts.displayName(personId),
			adopted
		};
	}

	/** The session a token stands for, if it is of that kind, known, not revoked and not expired. */
	async function resolve(token: string | undefined, kind: SessionKind): Promise<CurrentSession | undefined> {
		if (!token) return undefined;
		const session = await deps.accounts.findSession(deps.hashToken(token));
		// A cookie token is never accepted as a bearer token, nor the other way round.
		if (!session || session.kind !== kind || session.revokedAt || Date.parse(session.expiresAt) <= deps.now().getTime()) return undefined;
		return {
			sessionId: session.id,
			accountId: session.accountId,
			personId: session.personId,
			kind: session.kind,
			...(session.mustChangePassword ? { mustChangePassword: true } : {})
		};
	}

	return {
		async signUp(input: { login: string; password: string; displayName?: string; guest?: GuestProof }): Promise<Result<IssuedSession>> {
			const login = parseLogin(input.login);
			if ('problem' in login) return { ok: false, failure: { code: 'login-invalid', reason: login.problem } };
			const passwordProblem = checkPassword(input.password);
			if (passwordProblem) return { ok: false, failure: { code: 'password-invalid', reason: passwordProblem } };
			if (await deps.accounts.loginTaken(login.value)) return { ok: false, failure: { code: 'login-taken' } };
			const person = await personForNewAccount(input.guest);
			if (person === 'invalid') return { ok: false, failure: { code: 'guest-proof-invalid' } };
			const { personId, adopted } = person;
			const accountId = deps.newId();
			const at = deps.now().toISOString();
			await deps.accounts.create({
				personId,
				accountId,
				login,
				displayName: input.displayName?.trim() || null,
				passwordHash: await deps.hasher.hash(input.password),
				at,
				audit: {
					id: deps.newId(),
					at,
					actorAccountId: accountId,
					action: 'account.created',
					subjectPersonId: personId,
					details: { loginKind: login.kind, adoptedGuest: adopted }
				}
			});
			return { ok: true, value: await issueSession(accountId, personId, adopted) };
		},

		async signIn(input: { login: string; password: string; guest?: GuestProof }): Promise<Result<IssuedSession>> {
			const login = parseLogin(input.login);
			return signInAs('problem' in login ? undefined : login.value, input.password, input.guest);
		},

		/** A child joins a class with its code, their name and a picture password or PIN, and is signed in. */
		async joinClass(input: { code: string; displayName: string; secret: ChildSecret; guest?: GuestProof }): Promise<Result<IssuedSession & { className: string }>> {
			const schoolClass = await deps.classes.classByJoinCode(normaliseJoinCode(input.code));
			if (!schoolClass) return { ok: false, failure: { code: 'unknown-class' } };
			const displayName = input.displayName.trim();
			if (displayName.length < 1 || displayName.length > 60) return { ok: false, failure: { code: 'name-invalid' } };
			const secret = childSecretText(input.secret);
			if ('problem' in secret) return { ok: false, failure: { code: 'secret-invalid', reason: secret.problem } };
			const person = await personForNewAccount(input.guest);
			if (person === 'invalid') return { ok: false, failure: { code: 'guest-proof-invalid' } };
			const { personId, adopted } = person;
			const accountId = deps.newId();
			const at = deps.now().toISOString();
			await deps.accounts.create({
				personId,
				accountId,
				login: { kind: 'class-member', value: classLoginName(schoolClass.id, personId) },
				displayName,
				passwordHash: await deps.hasher.hash(secret.text),
				at,
				learnerOf: { membershipId: deps.newId(), classId: schoolClass.id },
				audit: { id: deps.newId(), at, actorAccountId: accountId, action: 'class.joined', subjectPersonId: personId, details: { classId: schoolClass.id, adoptedGuest: adopted } }
			});
			return { ok: true, value: { ...(await issueSession(accountId, personId, adopted)), className: schoolClass.name } };
		},

		/** The class and the names a child picks from to sign in; the code is what lets one see them. */
		async classForCode(code: string): Promise<{ id: string; name: string; learners: { personId: string; displayName: string | null }[] } | undefined> {
			const schoolClass = await deps.classes.classByJoinCode(normaliseJoinCode(code));
			if (!schoolClass) return undefined;
			return { ...schoolClass, learners: await deps.classes.classRoster(schoolClass.id, deps.now().toISOString()) };
		},

		/** A child signs in by class code, their name (person id) and their pictures or PIN. */
		async signInToClass(input: { code: string; personId: string; secret: ChildSecret; guest?: GuestProof }): Promise<Result<IssuedSession>> {
			const schoolClass = await deps.classes.classByJoinCode(normaliseJoinCode(input.code));
			const secret = childSecretText(input.secret);
			return signInAs(schoolClass ? classLoginName(schoolClass.id, input.personId) : undefined, 'text' in secret ? secret.text : '', input.guest);
		},

		resolve,

		/**
		 * Ends the caller's session. Called with a profile token, that profile leaves this device: its token ends, and the
		 * page cookie ends too only if it is the same account's — otherwise it belongs to whoever else is active here.
		 */
		async signOut(session: CurrentSession | undefined, cookieToken: string | undefined): Promise<{ clearCookie: boolean }> {
			const at = deps.now().toISOString();
			const cookie = session?.kind === 'cookie' ? session : await resolve(cookieToken, 'cookie');
			const cookieIsCallers = !session || session.kind === 'cookie' || cookie?.accountId === session.accountId;
			if (session) await deps.accounts.revokeSession(session.sessionId, at);
			if (cookieIsCallers && cookie && cookie.sessionId !== session?.sessionId) await deps.accounts.revokeSession(cookie.sessionId, at);
			return { clearCookie: cookieIsCallers };
		},

		/**
		 * The page cookie follows the active profile of a shared device: the cookie session there now (whoever's it is)
		 * ends, and a new one starts for the profile token's account. Only a profile token may ask for this.
		 */
		async switchTo(profile: CurrentSession | undefined, cookieToken: string | undefined): Promise<{ token: string; expiresAt: string; personId: string } | undefined> {
			if (profile?.kind !== 'profile') return undefined;
			const previous = await resolve(cookieToken, 'cookie');
			if (previous) await deps.accounts.revokeSession(previous.sessionId, deps.now().toISOString());
			const cookie = newSession('cookie', SESSION_DAYS);
			await deps.accounts.startSession({ accountId: profile.accountId, sessions: [cookie.row] });
			return { token: cookie.token, expiresAt: cookie.row.expiresAt, personId: profile.personId };
		},

		/** Ends every session and profile token of the account, on every device, this one included. */
		async signOutEverywhere(session: CurrentSession): Promise<number> {
			const at = deps.now().toISOString();
			return deps.accounts.revokeOtherSessions(session.accountId, at, undefined, {
				id: deps.newId(),
				at,
				actorAccountId: session.accountId,
				action: 'sessions.revoked-all',
				subjectPersonId: session.personId
			});
		},

		/**
		 * Needs the current password. Every session and profile token of the account on other devices ends; this device
		 * keeps the caller's session and, when it is the same account's, its page cookie.
		 */
		async changePassword(session: CurrentSession, input: { currentPassword: string; newPassword: string }, cookieToken?: string): Promise<Result<null>> {
			const account = await deps.accounts.findById(session.accountId);
			if (!account || !(await deps.hasher.verify(account.passwordHash, input.currentPassword))) {
				return { ok: false, failure: { code: 'wrong-credentials' } };
			}
			const problem = checkPassword(input.newPassword);
			if (problem) return { ok: false, failure: { code: 'password-invalid', reason: problem } };
			const at = deps.now().toISOString();
			const cookie = session.kind === 'profile' ? await resolve(cookieToken, 'cookie') : undefined;
			await deps.accounts.changePassword({
				accountId: account.id,
				passwordHash: await deps.hasher.hash(input.newPassword),
				at,
				keepSessionIds: [session.sessionId, ...(cookie?.accountId === account.id ? [cookie.sessionId] : [])],
				audit: { id: deps.newId(), at, actorAccountId: account.id, action: 'password.changed', subjectPersonId: account.personId }
			});
			return { ok: true, value: null };
		}
	};
}

export type AuthService = ReturnType<typeof createAuthService>;
