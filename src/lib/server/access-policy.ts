/**
 * Who may call each API endpoint: the one place authorization is decided (CONVENTIONS §6). The server hook checks
 * every request against this table before any handler runs; an endpoint missing here is refused, and a test fails.
 * Role-based rules (a teacher of this class, an administrator of that organisation) join as the role pages arrive.
 */
export type Access = 'anyone' | 'signed-in';

export const ACCESS_POLICY: Record<string, Access> = {
	'GET /api/health': 'anyone',
	'POST /api/auth/sign-up': 'anyone',
	'POST /api/auth/sign-in': 'anyone',
	// Signing out is safe to repeat and must work even with a stale cookie.
	'POST /api/auth/sign-out': 'anyone',
	'POST /api/auth/sign-out-everywhere': 'signed-in',
	'POST /api/auth/password': 'signed-in',
	'GET /api/auth/me': 'signed-in',
	'POST /api/devices/enrol': 'anyone',
	// Any signed-in person may open a class and list the classes they teach.
	'GET /api/classes': 'signed-in',
	'POST /api/classes': 'signed-in'
};

export type AccessDecision = 'allow' | 'sign-in-required' | 'unknown-endpoint';

/** `routeId` is SvelteKit's route id (`/api/auth/me`); undefined when no route matched (a 404 follows anyway). */
export function decideAccess(method: string, routeId: string | null, signedIn: boolean): AccessDecision {
	if (routeId === null) return 'allow';
	const access = ACCESS_POLICY[`${method} ${routeId}`];
	if (!access) return 'unknown-endpoint';
	return access === 'signed-in' && !signedIn ? 'sign-in-required' : 'allow';
}

/** The signed-in caller of an endpoint whose rule is 'signed-in' (the hook has already refused everyone else). */
export function signedInSession(locals: App.Locals): NonNullable<App.Locals['session']> {
	if (!locals.session) throw new Error('signedInSession used on an endpoint whose access rule is not "signed-in"');
	return locals.session;
}
