import Database from 'better-sqlite3';
import fc from 'fast-check';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../support/server';

describe('accounts over HTTP', () => {
	let server: RunningServer;

	beforeAll(async () => {
		server = await startServer();
	});

	afterAll(async () => {
		await server?.stop();
	});

	const post = (route: string, body: unknown, cookie?: string) =>
		fetch(`${server.url}/api/auth/${route}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
			body: typeof body === 'string' ? body : JSON.stringify(body)
		});
	const me = (cookie?: string) => fetch(`${server.url}/api/auth/me`, { headers: cookie ? { cookie } : {} });
	const cookieOf = (response: Response) => response.headers.get('set-cookie')?.split(';')[0] ?? '';
	const rowCounts = () => {
		const db = new Database(path.join(server.dataDir, 'taza.db'), { readonly: true });
		try {
			return ['people', 'person_details', 'accounts', 'login_names', 'sessions', 'audit_log', 'devices', 'guest_learners'].map((table) =>
				db.prepare(`select count(*) from ${table}`).pluck().get()
			);
		} finally {
			db.close();
		}
	};

	it('signs up with a phone number and sets an httpOnly, SameSite session cookie', async () => {
		const response = await post('sign-up', { login: '0700 111 222', password: 'long-enough', displayName: 'Гүлнара' });
		expect(response.status).toBe(201);
		const setCookie = response.headers.get('set-cookie') ?? '';
		expect(setCookie).toMatch(/^taza_session=[\w-]{43};/);
		expect(setCookie).toMatch(/HttpOnly/i);
		expect(setCookie).toMatch(/SameSite=Lax/i);
		const whoami = await me(cookieOf(response));
		expect(whoami.status).toBe(200);
		expect(await whoami.json()).toEqual({ personId: (await response.json()).personId, roles: [] });
	});

	it('refuses a stolen-looking or missing cookie', async () => {
		expect((await me('taza_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).status).toBe(401);
		expect((await me()).status).toBe(401);
	});

	it('says clearly when an account is locked, with Retry-After', async () => {
		await post('sign-up', { login: 'locked.user', password: 'long-enough' });
		for (let i = 0; i < 4; i += 1) expect((await post('sign-in', { login: 'locked.user', password: 'nope-nope' })).status).toBe(401);
		const locked = await post('sign-in', { login: 'locked.user', password: 'nope-nope' });
		expect(locked.status).toBe(429);
		expect(locked.headers.get('retry-after')).toBe('900');
		expect((await locked.json()).message).toMatch(/Try again in 15 minute/);
	});

	it('ends the other sessions when the password changes', async () => {
		const first = await post('sign-up', { login: 'two.devices', password: 'long-enough' });
		const second = await post('sign-in', { login: 'two.devices', password: 'long-enough' });
		const change = await post('password', { currentPassword: 'long-enough', newPassword: 'brand-new-1' }, cookieOf(second));
		expect(change.status).toBe(204);
		expect((await me(cookieOf(first))).status).toBe(401);
		expect((await me(cookieOf(second))).status).toBe(200);
		const everywhere = await post('sign-out-everywhere', {}, cookieOf(second));
		expect(await everywhere.json()).toEqual({ ended: 1 });
		expect((await me(cookieOf(second))).status).toBe(401);
	});

	it('answers arbitrary bodies with 400 and a message, writing nothing', async () => {
		const before = rowCounts();
		await fc.assert(
			fc.asyncProperty(
				fc.constantFrom('sign-up', 'sign-in'),
				fc.oneof(
					fc.string(),
					fc.json(),
					// Never a well-formed sign-up: a string login with a long enough string password could rightly succeed.
					fc
						.record({ login: fc.anything(), password: fc.anything() }, { requiredKeys: [] })
						.filter((body) => !(typeof body.login === 'string' && typeof body.password === 'string' && body.password.length >= 8)),
					fc.record({ login: fc.string(), password: fc.integer() })
				),
				async (route, body) => {
					const response = await post(route, body);
					expect([400, 401, 409, 413, 429]).toContain(response.status);
					if (response.status === 400) expect((await response.json()).message).toEqual(expect.any(String));
					else await response.body?.cancel();
				}
			),
			{ numRuns: 150 }
		);
		// Only well-formed sign-ups with a valid login and password could have written rows; none of these were.
		expect(rowCounts()).toEqual(before);
	});

	it('enrols a device once and refuses its id with another secret, and rejects malformed enrolments', async () => {
		const enrol = (body: unknown) =>
			fetch(`${server.url}/api/devices/enrol`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
		const secret = 'a'.repeat(43);
		expect(await (await enrol({ deviceId: 'device-12345678', secret, learnerIds: ['guest-12345678'] })).json()).toEqual({
			claimed: ['guest-12345678'],
			refused: []
		});
		expect((await enrol({ deviceId: 'device-12345678', secret: 'b'.repeat(43) })).status).toBe(403);
		const before = rowCounts();
		await fc.assert(
			fc.asyncProperty(fc.oneof(fc.json(), fc.record({ deviceId: fc.string(), secret: fc.string({ maxLength: 31 }), learnerIds: fc.anything() })), async (body) => {
				const response = await enrol(typeof body === 'string' ? JSON.parse(body) : body);
				expect(response.status).toBe(400);
				expect((await response.json()).message).toEqual(expect.any(String));
			}),
			{ numRuns: 100 }
		);
		expect(rowCounts()).toEqual(before);
	});

	it('refuses an oversized body with 413', async () => {
		const response = await post('sign-in', { login: 'x', password: 'y'.repeat(20_000) });
		expect(response.status).toBe(413);
	});
});
