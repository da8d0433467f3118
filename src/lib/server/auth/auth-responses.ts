import type { AuthFailure } from '../services/auth.service';
import { apiError } from '../http';

/** One place that turns an auth failure into a status and a message. */
export function authFailureResponse(failure: AuthFailure): Response {
	switch (failure.code) {
		case 'login-invalid':
			return apiError(400, failure.code, `Enter a phone number (+996 …) or a username of 3–32 Latin letters or digits (${failure.reason}).`);
		case 'password-invalid':
			return apiError(400, failure.code, `The password must be 8 to 200 characters long (${failure.reason}).`);
		case 'login-taken':
			return apiError(409, failure.code, 'An account with this phone number or username already exists.');
		case 'wrong-credentials':
			return apiError(401, failure.code, 'The phone number, username or password is not right.');
		case 'guest-proof-invalid':
			return apiError(403, failure.code, 'This device could not prove that the guest learner is its own.');
		case 'unknown-class':
			return apiError(404, failure.code, 'No class has this code.');
		case 'name-invalid':
			return apiError(400, failure.code, 'A name has 1 to 60 characters.');
		case 'secret-invalid':
			return apiError(400, failure.code, `Choose three pictures or a 4-digit PIN (${failure.reason}).`);
		case 'locked':
			return apiError(
				429,
				failure.code,
				`Too many wrong passwords. Try again in ${Math.ceil(failure.retryAfterSeconds / 60)} minute(s).`,
				{ 'retry-after': String(failure.retryAfterSeconds) }
			);
	}
}
