/**
 * Who may call each API endpoint: the one place authorization is decided (CONVENTIONS §6). The server hook checks
 * every request against this table before any handler runs; an endpoint missing here is refused, and a test fails.
 * Role-based rules (a teacher of this class, an administrator of that organisation) join as the role pages arrive.
 */
import { holdsRole, type Membership, type Role, type ScopeKind } from '$lib/identity/memberships';

/** A role the caller must hold; with `scopeParam`, in the scope the URL names (e.g. the class in `[classId]`). */
export interface RoleGrant {
	role: Role;
	scopeKind?: ScopeKind;
	scopeParam?: string;
}

export type Access = 'anyone' | 'signed-in' | { anyOf: RoleGrant[] };

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
	// A class's roster: its teacher (now, not last year's) or a programme administrator.
	'GET /api/classes/[classId]/roster': {
		anyOf: [{ role: 'teacher', scopeKind: 'class', scopeParam: 'classId' }, { role: 'programme-admin' }]
	}
};

export type AccessDecision = 'allow' | 'sign-in-required' | 'forbidden' | 'unknown-endpoint';

export interface AccessRequest {
	method: string;
	/** SvelteKit's route id (`/api/classes/[classId]/roster`); null when no route matched (a 404 follows anyway). */
	routeId: string | null;
	params: Record<string, string>;
	signedIn: boolean;
	/** The caller's memberships, read only when a rule needs them. */
	memberships: () => Promise<Membership[]>;
	now: Date;
}

export async function decideAccess(request: AccessRequest): Promise<AccessDecision> {
	if (request.routeId === null) return 'allow';
	const access = ACCESS_POLICY[`${request.method} ${request.routeId}`];
	if (!access) return 'unknown-endpoint';
	if (access === 'anyone') return 'allow';
	if (!request.signedIn) return 'sign-in-required';
	if (access === 'signed-in') return 'allow';
	const memberships = await request.memberships();
	const granted = access.anyOf.some((grant) =>
		holdsRole(
			memberships,
			grant.role,
			request.now,
			grant.scopeKind ? { scopeKind: grant.scopeKind, scopeId: grant.scopeParam ? request.params[grant.scopeParam] : undefined } : undefined
		)
	);
	return granted ? 'allow' : 'forbidden';
}

/** The signed-in caller of an endpoint whose rule is 'signed-in' (the hook has already refused everyone else). */
export function signedInSession(locals: App.Locals): NonNullable<App.Locals['session']> {
	if (!locals.session) throw new Error('signedInSession used on an endpoint whose access rule is not "signed-in"');
	return locals.session;
}
