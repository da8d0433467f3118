import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_POLICY } from '../../src/lib/server/access-policy';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../../src/lib/server/services/demo-data.service';
import { startServer, type RunningServer } from '../support/server';

/** Callers: nobody, and one demo person of each role. */
const CALLERS = [{ name: 'anonymous', login: undefined }, ...DEMO_PEOPLE.map((person) => ({ name: person.role, login: person.login }))];

describe('the authorization matrix: every endpoint × every role', () => {
	let server: RunningServer;

	beforeAll(async () => {
		server = await startServer({ env: { TAZA_DEMO_DATA: '1' } });
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
		const response = await fetch(`${server.url}${route}`, {
			method,
			headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
			...(method === 'GET' ? {} : { body: '{}' })
		});
		const denied = response.status === 401 || response.status === 403;
		const expectedDenied = access === 'signed-in' && caller.login === undefined;
		expect(denied, `${endpoint} as ${caller.name} answered ${response.status}`).toBe(expectedDenied);
		await response.body?.cancel();
	});
});
