/**
 * Finds the signed token in what a person pastes or a script reads: a verify link (`…/ky/verify#<token>`), the
 * fragment alone, the token itself, or the certificate file the app hands out (JSON with a `credential` field).
 */
const TOKEN = /[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{40,}/;

export function tokenFromInput(input: string): string | undefined {
	const text = input.trim();
	if (text.length === 0) return undefined;
	if (text.startsWith('{')) {
		try {
			const file = JSON.parse(text) as Record<string, unknown>;
			for (const field of ['credential', 'token', 'jwt']) if (typeof file[field] === 'string') return tokenFromInput(file[field] as string);
		} catch {
			// not JSON after all: look for a token in the text
		}
	}
	const hash = text.indexOf('#');
	const fragment = hash >= 0 ? text.slice(hash + 1) : text;
	let decoded = fragment;
	try {
		decoded = decodeURIComponent(fragment);
	} catch {
		// a stray % sign: read it as it is
	}
	return decoded.match(TOKEN)?.[0];
}

/** The verify page's address for a token: the QR code's content. The token goes in the fragment, never to a server. */
export function verifyUrl(origin: string, locale: string, token: string): string {
	return `${origin.replace(/\/$/, '')}/${locale}/verify#${token}`;
}
