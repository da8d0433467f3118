import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_POLICY } from '../../src/lib/server/access-policy';
import { DEMO_CLASS, DEMO_PASSWORD, DEMO_PEOPLE } from '../../src/lib/server/services/demo-data.service';
import { startServer, type RunningServer } from '../support/server';

/** Callers: nobody, one demo person of each role (the demo teacher teaches the demo class), and a teacher of another class. */
const OTHER_TEACHER = 'teacher.of.another';
const CALLERS = [
	{ name: 'anonymous', login: undefined },
	...DEMO_PEOPLE.map((person) => ({ name: person.role === 'teacher' ? 'teacher of this class' : person.role, login: person.login })),
	{ name: 'teacher of another class', login: OTHER_TEACHER }
];

/**
 * Endpoints whose rule is 'anyone' but whose handler answers only a profile token (see the comment in ACCESS_POLICY):
 * a cookie is what they move, so a cookie cannot ask.
 */
const PROFILE_TOKEN_ONLY = new Set(['POST /api/auth/switch']);

/** Each caller comes with the page cookie, or with the profile token as `Authorization: Bearer` (as a shared device's profile does). */
const CREDENTIALS = ['cookie', 'profile token'] as const;

/** Who each rule lets in, by caller name and credential; the URL's class is always the demo class. */
function expectedAllowed(endpoint: string, access: (typeof ACCESS_POLICY)[string], caller: string, credential: (typeof CREDENTIALS)[number]): boolean {
	if (PROFILE_TOKEN_ONLY.has(endpoint)) return caller !== 'anonymous' && credential === 'profile token';
	if (access === 'anyone') return true;
	if (caller === 'anonymous') return false;
	if (access === 'signed-in') return true;
	return access.anyOf.some(
		(grant) =>
			(grant.role === 'teacher' && caller === 'teacher of this class') || (grant.role === 'programme-admin' && caller === 'programme-admin')
	);
}

describe('the authorization matrix: every endpoint × every role', () => {
	let server: RunningServer;

	beforeAll(async () => {
		server = await startServer({ env: { TAZA_DEMO_DATA: '1' } });
		// A teacher of another class: signs up and opens a class of their own.
		const signUp = await fetch(`${server.url}/api/auth/sign-up`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ login: OTHER_TEACHER, password: DEMO_PASSWORD })
		});
		const cookie = signUp.headers.get('set-cookie')!.split(';')[0]!;
		await fetch(`${server.url}/api/classes`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: '{"name":"8-Б"}' });
	});

	afterAll(async () => {
		await server?.stop();
	});

	/** The headers a caller signs a request with: the cookie, or only the profile token as the bearer. */
	async function credentialsFor(login: string | undefined, credential: (typeof CREDENTIALS)[number]): Promise<Record<string, string>> {
		if (!login) return {};
		const response = await fetch(`${server.url}/api/auth/sign-in`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ login, password: DEMO_PASSWORD })
		});
		const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
		const { profileToken } = (await response.json()) as { profileToken: string };
		return credential === 'cookie' ? { cookie } : { authorization: `Bearer ${profileToken}` };
	}

	const cells = Object.entries(ACCESS_POLICY).flatMap(([endpoint, access]) =>
		CALLERS.flatMap((caller) => CREDENTIALS.map((credential) => ({ endpoint, access, caller, credential })))
	);

	it.each(cells)('$endpoint as $caller.name with a $credential', async ({ endpoint, access, caller, credential }) => {
		const [method, route] = endpoint.split(' ') as [string, string];
		// A fresh session per cell: some endpoints end sessions.
		const headers = await credentialsFor(caller.login, credential);
		const response = await fetch(`${server.url}${route.replace('[classId]', DEMO_CLASS.id)}`, {
			method,
			headers: { 'content-type': 'application/json', ...headers },
			...(method === 'GET' ? {} : { body: '{}' })
		});
		const denied = response.status === 401 || response.status === 403;
		expect(denied, `${endpoint} as ${caller.name} with a ${credential} answered ${response.status}`).toBe(
			!expectedAllowed(endpoint, access, caller.name, credential)
		);
		await response.body?.cancel();
	});
});
