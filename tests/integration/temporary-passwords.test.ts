import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGANISATION, DEMO_PASSWORD } from '../../src/lib/server/services/demo-data.service';
import { startServer, type RunningServer } from '../support/server';

describe('a password someone else set', () => {
	let server: RunningServer;

	beforeAll(async () => {
		server = await startServer({ env: { TAZA_DEMO_DATA: '1' } });
	});

	afterAll(async () => {
		await server?.stop();
	});

	const call = (path: string, init: { cookie?: string; body?: unknown } = {}) =>
		fetch(`${server.url}${path}`, {
			method: init.body === undefined ? 'GET' : 'POST',
			headers: { 'content-type': 'application/json', ...(init.cookie ? { cookie: init.cookie } : {}) },
			...(init.body === undefined ? {} : { body: JSON.stringify(init.body) })
		});
	const signIn = async (login: string, password: string) => {
		const response = await call('/api/auth/sign-in', { body: { login, password } });
		expect(response.status).toBe(200);
		return response.headers.get('set-cookie')!.split(';')[0]!;
	};

	it('opens nothing but the password change until its holder chooses their own', async () => {
		const admin = await signIn('demo.org.admin', DEMO_PASSWORD);
		const added = await call(`/api/organisations/${DEMO_ORGANISATION.id}/members`, { cookie: admin, body: { displayName: 'Жаңы кызматкер', login: '0777 000 111' } });
		expect(added.status).toBe(201);
		const temporary = ((await added.json()) as { temporaryPasswords: { temporaryPassword: string }[] }).temporaryPasswords[0]!.temporaryPassword;

		const member = await signIn('0777000111', temporary);
		expect(await (await call('/api/auth/me', { cookie: member })).json()).toMatchObject({ mustChangePassword: true });
		const blocked = await call('/api/me/assignments', { cookie: member });
		expect(blocked.status).toBe(403);
		expect(await blocked.json()).toMatchObject({ error: 'password-change-required' });

		expect((await call('/api/auth/password', { cookie: member, body: { currentPassword: temporary, newPassword: 'менин-сырсөзүм' } })).status).toBe(204);
		expect(await (await call('/api/auth/me', { cookie: member })).json()).toMatchObject({ mustChangePassword: false });
		expect((await call('/api/me/assignments', { cookie: member })).status).toBe(200);
		// The temporary password is gone for good.
		expect((await call('/api/auth/sign-in', { body: { login: '0777000111', password: temporary } })).status).toBe(401);
	});
});
