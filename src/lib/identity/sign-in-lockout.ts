/**
 * After repeated wrong passwords an account is locked for a while, so a password cannot be guessed by trying; the
 * person is told how long to wait. Counting restarts after a successful sign-in or once the lock has passed.
 */
export const SIGN_IN_ATTEMPTS_BEFORE_LOCK = 5;
export const SIGN_IN_LOCK_MINUTES = 15;

export interface SignInFailures {
	count: number;
	lastAt: string | null;
}

export function lockedForSeconds(failures: SignInFailures, now: Date): number {
	if (failures.count < SIGN_IN_ATTEMPTS_BEFORE_LOCK || !failures.lastAt) return 0;
	const unlocksAt = Date.parse(failures.lastAt) + SIGN_IN_LOCK_MINUTES * 60_000;
	return Math.max(0, Math.ceil((unlocksAt - now.getTime()) / 1000));
}

/** The failure count after one more wrong password: a lock that has passed starts a fresh count. */
export function afterFailure(failures: SignInFailures, now: Date): SignInFailures {
	const expired = failures.count >= SIGN_IN_ATTEMPTS_BEFORE_LOCK && lockedForSeconds(failures, now) === 0;
	return { count: (expired ? 0 : failures.count) + 1, lastAt: now.toISOString() };
}
