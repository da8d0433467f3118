import { m } from '$lib/paraglide/messages';

/** The server answers with stable codes; the words are the page's, in its language. */
export function authErrorMessage(error: string, retryAfterSeconds?: number): string {
	switch (error) {
		case 'login-invalid':
			return m.auth_error_login_invalid();
		case 'password-invalid':
			return m.auth_error_password_invalid();
		case 'login-taken':
			return m.auth_error_login_taken();
		case 'wrong-credentials':
			return m.auth_error_wrong_credentials();
		case 'locked':
			return m.auth_error_locked({ count: Math.max(1, Math.ceil((retryAfterSeconds ?? 60) / 60)) });
		case 'offline':
			return m.account_needs_connection();
		default:
			return m.auth_error_generic();
	}
}
