/**
 * Who may call each API endpoint: the one place authorization is decided (CONVENTIONS §6). The server hook checks
 * every request against this table before any handler runs; an endpoint missing here is refused, and a test fails.
 */
import { holdsRole, sharedScopes, type Membership, type Role, type ScopeKind } from '$lib/identity/memberships';

/**
 * A role the caller must hold: anywhere; with `scopeParam`, in the scope the URL names (the class in `[classId]`); or
 * with `overLearnerParam`, in a scope where the person the URL names is a learner (a teacher over a pupil of their
 * class, an organisation's administrator over its member, a trainer over a participant of their seminar).
 */
export type RoleGrant =
	| { role: Role; scopeKind?: ScopeKind; scopeParam?: string; overLearnerParam?: never }
	| { role: Role; scopeKind: ScopeKind; overLearnerParam: string; scopeParam?: never };

export type Access = 'anyone' | 'signed-in' | { anyOf: RoleGrant[] };

const PROGRAMME_ADMIN: Access = { anyOf: [{ role: 'programme-admin' }] };
/** The class's teacher (now, not last year's) or a programme administrator. */
const CLASS_TEACHER: Access = { anyOf: [{ role: 'teacher', scopeKind: 'class', scopeParam: 'classId' }, { role: 'programme-admin' }] };
/** An administrator of the organisation the URL names, or a programme administrator. */
const ORGANISATION_ADMIN: Access = {
	anyOf: [{ role: 'org-admin', scopeKind: 'organisation', scopeParam: 'organisationId' }, { role: 'programme-admin' }]
};

/** A trainer of the seminar the URL names (now), or a programme administrator. */
const SEMINAR_TRAINER: Access = { anyOf: [{ role: 'trainer', scopeKind: 'seminar', scopeParam: 'seminarId' }, { role: 'programme-admin' }] };

export const ACCESS_POLICY: Record<string, Access> = {
	'GET /api/health': 'anyone',
	'POST /api/auth/sign-up': 'anyone',
	'POST /api/auth/sign-in': 'anyone',
	// Signing out is safe to repeat and must work even with a stale cookie.
	'POST /api/auth/sign-out': 'anyone',
	'POST /api/auth/sign-out-everywhere': 'signed-in',
	'POST /api/auth/password': 'signed-in',
	'GET /api/auth/me': 'signed-in',
	// Anyone may ask, but only with a profile token as the bearer: the handler refuses a cookie, since the cookie is
	// what moves to the profile (and a shared device's cookie may be someone else's).
	'POST /api/auth/switch': 'anyone',
	'POST /api/devices/enrol': 'anyone',
	// Any signed-in person may open a class and list the classes they teach.
	'GET /api/classes': 'signed-in',
	'POST /api/classes': 'signed-in',
	// A child with the class code: see the names, join, or sign in with pictures or a PIN.
	'POST /api/classes/lookup': 'anyone',
	'POST /api/classes/join': 'anyone',
	'POST /api/classes/sign-in': 'anyone',
	'GET /api/classes/[classId]/roster': CLASS_TEACHER,
	// The class page: its assigned courses and the learners × courses grid.
	'GET /api/classes/[classId]/progress': CLASS_TEACHER,
	'POST /api/classes/[classId]/assignments': CLASS_TEACHER,
	'POST /api/classes/[classId]/assignments/[assignmentId]/withdraw': CLASS_TEACHER,
	// Sync: a profile pushes its own events and pulls the partitions it may read; the service checks each event.
	'POST /api/sync/push': 'signed-in',
	'POST /api/sync/pull': 'signed-in',
	// What the caller's classes and organisations ask of them.
	'GET /api/me/assignments': 'signed-in',
	// Regions are public reference data (forms need them).
	'GET /api/regions': 'anyone',
	// Anyone signed in picks their school from the reference list; only the programme replaces it.
	'GET /api/schools': 'signed-in',
	'POST /api/schools/import': PROGRAMME_ADMIN,
	// Anonymous counts only (quest-choices.service.ts withholds small ones): guests play quests too.
	'GET /api/quests/[questId]/choices': 'anyone',
	// Lists only the organisations the caller administers (all of them for a programme administrator).
	'GET /api/organisations': 'signed-in',
	'POST /api/organisations': PROGRAMME_ADMIN,
	'POST /api/organisations/[organisationId]/admins': PROGRAMME_ADMIN,
	'GET /api/organisations/[organisationId]/members': ORGANISATION_ADMIN,
	'POST /api/organisations/[organisationId]/members': ORGANISATION_ADMIN,
	'POST /api/organisations/[organisationId]/members/import': ORGANISATION_ADMIN,
	'POST /api/organisations/[organisationId]/members/[personId]/remove': ORGANISATION_ADMIN,
	'GET /api/organisations/[organisationId]/assignments': ORGANISATION_ADMIN,
	'POST /api/organisations/[organisationId]/assignments': ORGANISATION_ADMIN,
	'POST /api/organisations/[organisationId]/assignments/[assignmentId]/withdraw': ORGANISATION_ADMIN,
	'GET /api/organisations/[organisationId]/compliance': ORGANISATION_ADMIN,
	'GET /api/organisations/[organisationId]/audit': ORGANISATION_ADMIN,
	// Recovery without e-mail or SMS: whoever is responsible for the person sets a new secret (DESIGN §6).
	'POST /api/people/[personId]/reset': {
		anyOf: [
			{ role: 'teacher', scopeKind: 'class', overLearnerParam: 'personId' },
			{ role: 'org-admin', scopeKind: 'organisation', overLearnerParam: 'personId' },
			{ role: 'trainer', scopeKind: 'seminar', overLearnerParam: 'personId' },
			{ role: 'programme-admin' }
		]
	},
	// Personal data: found, exported and erased by a programme administrator only.
	'GET /api/people': PROGRAMME_ADMIN,
	'GET /api/people/[personId]/export': PROGRAMME_ADMIN,
	'POST /api/people/[personId]/erase': PROGRAMME_ADMIN,
	'GET /api/audit': PROGRAMME_ADMIN,
	// Certificates (docs/certificates.md): a learner lists and asks for their own; the PDF is the holder's or a
	// programme administrator's (the service answers 404 to anyone else); the status is public and holds nothing
	// personal; a trainer may revoke only a training certificate they issued (the service checks that).
	'GET /api/certificates': 'signed-in',
	'POST /api/certificates': 'signed-in',
	'GET /api/certificates/[certificateId]/pdf': 'signed-in',
	'GET /api/certificates/[certificateId]/status': 'anyone',
	'POST /api/certificates/[certificateId]/revoke': { anyOf: [{ role: 'programme-admin' }, { role: 'trainer' }] },
	// Teacher training (issue #7): trainers schedule and run seminars, the programme sees them all. Only the seminar's
	// own trainers get its check-in key and register its participants (the service checks that too).
	'GET /api/seminars': { anyOf: [{ role: 'trainer' }, { role: 'programme-admin' }] },
	'POST /api/seminars': { anyOf: [{ role: 'trainer' }, { role: 'programme-admin' }] },
	'GET /api/seminars/[seminarId]': SEMINAR_TRAINER,
	'POST /api/seminars/[seminarId]/participants': { anyOf: [{ role: 'trainer', scopeKind: 'seminar', scopeParam: 'seminarId' }] },
	// A seminar's trainer gives a person created on the spot an account of their own (a temporary password).
	'POST /api/seminars/[seminarId]/participants/[personId]/account': { anyOf: [{ role: 'trainer', scopeKind: 'seminar', scopeParam: 'seminarId' }] },
	// A seminar's trainer certifies a participant who met the completion rule.
	'POST /api/seminars/[seminarId]/certificates': { anyOf: [{ role: 'trainer', scopeKind: 'seminar', scopeParam: 'seminarId' }] },
	// Measure 5's figures and the people behind them; duplicates and merges of people.
	'GET /api/programme/targets': PROGRAMME_ADMIN,
	'GET /api/programme/targets/people': PROGRAMME_ADMIN,
	'GET /api/people/duplicates': PROGRAMME_ADMIN,
	'POST /api/people/duplicates/[flagId]/dismiss': PROGRAMME_ADMIN,
	'GET /api/people/merges': PROGRAMME_ADMIN,
	'POST /api/people/merges': PROGRAMME_ADMIN,
	'POST /api/people/merges/[aliasId]/undo': PROGRAMME_ADMIN
,
	// Assignment photos (DESIGN §3): anyone signed in uploads their own, resumably; the photo is read back by its
	// owners, the trainers of a seminar an owner takes part in and programme administrators (the service answers
	// 404 to anyone else).
	'HEAD /api/attachments/[sha256]': 'signed-in',
	'PATCH /api/attachments/[sha256]': 'signed-in',
	'GET /api/attachments/[sha256]': 'signed-in',
	// Practical assignments for review: the seminar's own trainers, or a programme administrator.
	'GET /api/seminars/[seminarId]/submissions': { anyOf: [{ role: 'trainer', scopeKind: 'seminar', scopeParam: 'seminarId' }, { role: 'programme-admin' }] },
	// A participant's own latest submission and its review, made on whichever device.
	'GET /api/me/submissions': 'signed-in',
	// A participant's own training records, as the server folded them.
	'GET /api/me/training': 'signed-in',
	// A participant who completed asks for their own training certificate (the service checks the completion).
	'POST /api/me/training/certificate': 'signed-in'
};

/**
 * What a person whose password someone else set (a reset, an import) may do before choosing their own: the
 * administrator who handed it over knows it, so nothing else is open until it is replaced.
 */
export const OPEN_BEFORE_PASSWORD_CHANGE = new Set(['GET /api/auth/me', 'POST /api/auth/password', 'POST /api/auth/sign-out', 'POST /api/auth/switch']);

export type AccessDecision = 'allow' | 'sign-in-required' | 'forbidden' | 'unknown-endpoint' | 'password-change-required';

export interface AccessRequest {
	method: string;
	/** SvelteKit's route id (`/api/classes/[classId]/roster`); null when no route matched (a 404 follows anyway). */
	routeId: string | null;
	params: Record<string, string>;
	signedIn: boolean;
	/** The signed-in caller's password was set by someone else and not replaced yet. */
	mustChangePassword?: boolean;
	/** The caller's memberships, read only when a rule needs them. */
	memberships: () => Promise<Membership[]>;
	/** Another person's memberships, for rules over a person the URL names. */
	membershipsOf: (personId: string) => Promise<Membership[]>;
	now: Date;
}

export async function decideAccess(request: AccessRequest): Promise<AccessDecision> {
	if (request.routeId === null) return 'allow';
	const access = ACCESS_POLICY[`${request.method} ${request.routeId}`];
	if (!access) return 'unknown-endpoint';
	if (request.signedIn && request.mustChangePassword && !OPEN_BEFORE_PASSWORD_CHANGE.has(`${request.method} ${request.routeId}`)) {
		return 'password-change-required';
	}
	if (access === 'anyone') return 'allow';
	if (!request.signedIn) return 'sign-in-required';
	if (access === 'signed-in') return 'allow';
	const memberships = await request.memberships();
	for (const grant of access.anyOf) {
		if (grant.overLearnerParam !== undefined) {
			const personId = request.params[grant.overLearnerParam];
			if (!personId || !holdsRole(memberships, grant.role, request.now, { scopeKind: grant.scopeKind })) continue;
			const subject = await request.membershipsOf(personId);
			if (sharedScopes(memberships, grant.role, subject, 'learner', grant.scopeKind, request.now).length > 0) return 'allow';
			continue;
		}
		const scope = grant.scopeKind ? { scopeKind: grant.scopeKind, scopeId: grant.scopeParam ? request.params[grant.scopeParam] : undefined } : undefined;
		if (holdsRole(memberships, grant.role, request.now, scope)) return 'allow';
	}
	return 'forbidden';
}

/** The signed-in caller of an endpoint whose rule is 'signed-in' (the hook has already refused everyone else). */
export function signedInSession(locals: App.Locals): NonNullable<App.Locals['session']> {
	if (!locals.session) throw new Error('signedInSession used on an endpoint whose access rule is not "signed-in"');
	return locals.session;
}
