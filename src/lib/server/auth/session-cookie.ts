import type { Cookies } from '@sveltejs/kit';

export const SESSION_COOKIE = 'taza_session';

/** httpOnly: page scripts never see the token; SameSite=Lax: other sites cannot send it with their requests. */
export function setSessionCookie(cookies: Cookies, token: string, expiresAt: string, secure: boolean): void {
	cookies.set(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires: new Date(expiresAt) });
}

export function clearSessionCookie(cookies: Cookies, secure: boolean): void {
	cookies.delete(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}
