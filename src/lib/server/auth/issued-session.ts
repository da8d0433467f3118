import type { Cookies } from '@sveltejs/kit';
import type { IssuedSession } from '../services/auth.service';
import { setSessionCookie } from './session-cookie';

/**
 * Hands a new sign-in to the browser: the page session goes into the httpOnly cookie, and the profile token into the
 * JSON body only, for the device's profile of this person (never into a cookie, which any profile's page would send).
 */
export function issuedSessionBody(issued: IssuedSession, cookies: Cookies, url: URL) {
	setSessionCookie(cookies, issued.token, issued.expiresAt, url.protocol === 'https:');
	return {
		personId: issued.personId,
		displayName: issued.displayName,
		adopted: issued.adopted,
		profileToken: issued.profileToken,
		profileTokenExpiresAt: issued.profileTokenExpiresAt
	};
}
