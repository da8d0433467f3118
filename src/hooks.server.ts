import { building } from '$app/environment';
import { defineCustomServerStrategy, locales } from '$lib/paraglide/runtime';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { decideAccess } from '$lib/server/access-policy';
import { readBearer } from '$lib/server/auth/bearer';
import { SESSION_COOKIE } from '$lib/server/auth/session-cookie';
import { apiError } from '$lib/server/http';
import { getDatabase } from '$lib/server/db';
import { authService, membershipsRepo, prepareCertificateKeys, seedDemoDataIfConfigured } from '$lib/server/services/wiring';
import { localeFromPathname } from '$lib/utils/locale-path';
import type { Handle, ServerInit } from '@sveltejs/kit';

defineCustomServerStrategy('custom-path', {
	getLocale: (request) => (request ? localeFromPathname(new URL(request.url).pathname, locales) : undefined)
});

/** Migrations and reference data are applied when the server starts, not on the first request. */
export const init: ServerInit = async () => {
	if (building) return;
	getDatabase();
	prepareCertificateKeys();
	await seedDemoDataIfConfigured();
};

export const handle: Handle = async ({ event, resolve }) => {
	// The API speaks JSON, not a language; it is where sessions matter.
	if (event.url.pathname.startsWith('/api/')) {
		event.locals.auth = authService();
		const bearer = readBearer(event.request.headers.get('authorization'));
		if (bearer.kind === 'bearer') {
			// A profile token wins over the cookie, and a bad one is refused: on a shared device the cookie may be
			// another profile's, so falling back to it would let one person act under another's session.
			event.locals.session = await event.locals.auth.resolve(bearer.token, 'profile');
			if (!event.locals.session) return apiError(401, 'profile-token-invalid', 'This profile token is unknown, expired or revoked: sign in again.');
		} else if (bearer.kind === 'malformed') {
			return apiError(401, 'profile-token-invalid', 'The Authorization header must be "Bearer <profile token>".');
		} else {
			event.locals.session = await event.locals.auth.resolve(event.cookies.get(SESSION_COOKIE), 'cookie');
		}
		const session = event.locals.session;
		const decision = await decideAccess({
			method: event.request.method,
			routeId: event.route.id,
			params: event.params as Record<string, string>,
			signedIn: session !== undefined,
			mustChangePassword: session?.mustChangePassword === true,
			memberships: () => membershipsRepo().forPerson(session!.personId),
			membershipsOf: (personId) => membershipsRepo().forPerson(personId),
			now: new Date()
		});
		if (decision === 'sign-in-required') return apiError(401, 'signed-out', 'Sign in first.');
		if (decision === 'forbidden') return apiError(403, 'forbidden', 'Your roles do not allow this.');
		if (decision === 'password-change-required') {
			return apiError(403, 'password-change-required', 'Your password was set by someone else: choose your own first (POST /api/auth/password).');
		}
		// Deny by default: an endpoint nobody wrote a rule for is not reachable.
		if (decision === 'unknown-endpoint') return apiError(403, 'forbidden', 'This endpoint has no access rule.');
		return resolve(event);
	}
	return paraglideMiddleware(event.request, ({ locale }) =>
		resolve(event, { transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale) })
	);
};
