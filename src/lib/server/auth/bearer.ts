/** What a request's `Authorization` header holds. */
export type BearerHeader = { kind: 'none' } | { kind: 'bearer'; token: string } | { kind: 'malformed' };

const BEARER = /^Bearer ([\w-]{16,256})$/;

/**
 * Reads `Authorization: Bearer <token>`. Any other Authorization header is malformed rather than absent: a caller
 * that tried to name a profile must never be treated as one that did not (and so fall back to the page cookie).
 */
export function readBearer(header: string | null): BearerHeader {
	if (header === null) return { kind: 'none' };
	const match = BEARER.exec(header.trim());
	return match ? { kind: 'bearer', token: match[1]! } : { kind: 'malformed' };
}
