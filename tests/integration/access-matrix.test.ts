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

/** Who each rule lets in, by caller name; the URL's class is always the demo class. */
function expectedAllowed(access: (typeof ACCESS_POLICY)[string], caller: string): boolean {
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

	async function cookieFor(login: string | undefined): Promise<string | undefined> {
		if (!login) return undefined;
		const response = await fetch(`${server.url}/api/auth/sign-in`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ login, password: DEMO_PASSWORD })
		});
		return response.headers.get('set-cookie')?.split(';')[0];
	}

	const cells = Object.entries(ACCESS_POLICY).flatMap(([endpoint, access]) => CALLERS.map((caller) => ({ endpoint, access, caller })));

	it.each(cells)('$endpoint as $caller.name', async ({ endpoint, access, caller }) => {
		const [method, route] = endpoint.split(' ') as [string, string];
		// A fresh session per cell: some endpoints end sessions.
		const cookie = await cookieFor(caller.login);
		const response = await fetch(`${server.url}${route.replace('[classId]', DEMO_CLASS.id)}`, {
			method,
			headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
			...(method === 'GET' ? {} : { body: '{}' })
		});
		const denied = response.status === 401 || response.status === 403;
		expect(denied, `${endpoint} as ${caller.name} answered ${response.status}`).toBe(!expectedAllowed(access, caller.name));
		await response.body?.cancel();
	});
});
