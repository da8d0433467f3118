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
		expect(await whoami.json()).toEqual({ personId: (await response.json()).personId, roles: [], mustChangePassword: false });
	});

	it('refuses a stolen-looking or missing cookie', async () => {
		expect((await me('taza_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).status).toBe(401);
		expect((await me()).status).toBe(401);
	});

	describe('on a shared device, each profile with its own token', () => {
		const bearer = (token: string) => `Bearer ${token}`;
		const meWith = (headers: Record<string, string>) => fetch(`${server.url}/api/auth/me`, { headers });
		async function person(login: string) {
			const response = await post('sign-up', { login, password: 'long-enough' });
			const body = (await response.json()) as { personId: string; profileToken: string; profileTokenExpiresAt: string };
			return { ...body, cookie: cookieOf(response), setCookie: response.headers.get('set-cookie') ?? '' };
		}

		it('gets its profile token in the JSON body, never in a cookie', async () => {
			const aigul = await person('aigul.token');
			expect(aigul.profileToken).toMatch(/^[\w-]{43}$/);
			expect(aigul.setCookie).not.toContain(aigul.profileToken);
			expect(aigul.cookie.slice('taza_session='.length)).not.toBe(aigul.profileToken);
			const days = (Date.parse(aigul.profileTokenExpiresAt) - Date.now()) / 86_400_000;
			expect(days).toBeGreaterThan(179);
			expect(await (await meWith({ authorization: bearer(aigul.profileToken) })).json()).toMatchObject({ personId: aigul.personId });
		});

		it("acts as the bearer's profile, even when the cookie is someone else's", async () => {
			const mother = await person('mother.bearer');
			const son = await person('son.bearer');
			const response = await meWith({ cookie: mother.cookie, authorization: bearer(son.profileToken) });
			expect(await response.json()).toMatchObject({ personId: son.personId });
		});

		it('refuses a stolen-looking, revoked, malformed or cookie token as the bearer, never falling back to the cookie', async () => {
			const mother = await person('mother.refused');
			const son = await person('son.refused');
			const withMothersCookie = (authorization: string) => meWith({ cookie: mother.cookie, authorization });
			expect((await withMothersCookie(bearer('A'.repeat(43)))).status).toBe(401);
			expect((await withMothersCookie('Basic bW90aGVyOnNlY3JldA==')).status).toBe(401);
			expect((await withMothersCookie(bearer(mother.cookie.slice('taza_session='.length)))).status).toBe(401);
			// The son's profile leaves the device: his token ends, the mother's cookie does not.
			const signOut = await fetch(`${server.url}/api/auth/sign-out`, { method: 'POST', headers: { cookie: mother.cookie, authorization: bearer(son.profileToken) } });
			expect(signOut.status).toBe(204);
			expect(signOut.headers.get('set-cookie')).toBeNull();
			const revoked = await withMothersCookie(bearer(son.profileToken));
			expect(revoked.status).toBe(401);
			expect((await revoked.json()).error).toBe('profile-token-invalid');
			// Even on an endpoint anyone may call.
			expect((await fetch(`${server.url}/api/health`, { headers: { authorization: bearer(son.profileToken) } })).status).toBe(401);
			expect((await me(mother.cookie)).status).toBe(200);
		});

		it('switches the page cookie to the profile of the bearer, ending the cookie of the one before', async () => {
			const mother = await person('mother.switch');
			const son = await person('son.switch');
			const switchTo = (headers: Record<string, string>) => fetch(`${server.url}/api/auth/switch`, { method: 'POST', headers });
			expect((await switchTo({ cookie: mother.cookie })).status).toBe(401);
			expect((await switchTo({})).status).toBe(401);
			const switched = await switchTo({ cookie: mother.cookie, authorization: bearer(son.profileToken) });
			expect(switched.status).toBe(200);
			expect(await switched.json()).toEqual({ personId: son.personId });
			expect(switched.headers.get('set-cookie')).toMatch(/^taza_session=[\w-]{43};.*HttpOnly/i);
			expect(await (await me(cookieOf(switched))).json()).toMatchObject({ personId: son.personId });
			expect((await me(mother.cookie)).status).toBe(401);
			// Her profile token still works: she can switch back.
			const back = await switchTo({ cookie: cookieOf(switched), authorization: bearer(mother.profileToken) });
			expect(await (await me(cookieOf(back))).json()).toMatchObject({ personId: mother.personId });
		});

		it('ends the profile tokens of other devices on a password change, and all of them on "sign out everywhere"', async () => {
			const phone = await person('token.two.devices');
			const laptopResponse = await post('sign-in', { login: 'token.two.devices', password: 'long-enough' });
			const laptop = { ...((await laptopResponse.json()) as { profileToken: string }), cookie: cookieOf(laptopResponse) };
			const asLaptop = { 'content-type': 'application/json', cookie: laptop.cookie, authorization: bearer(laptop.profileToken) };
			const change = await fetch(`${server.url}/api/auth/password`, {
				method: 'POST',
				headers: asLaptop,
				body: JSON.stringify({ currentPassword: 'long-enough', newPassword: 'brand-new-1' })
			});
			expect(change.status).toBe(204);
			expect((await meWith({ authorization: bearer(phone.profileToken) })).status).toBe(401);
			expect((await meWith({ authorization: bearer(laptop.profileToken) })).status).toBe(200);
			expect((await me(laptop.cookie)).status).toBe(200);
			const everywhere = await fetch(`${server.url}/api/auth/sign-out-everywhere`, { method: 'POST', headers: asLaptop });
			expect(await everywhere.json()).toEqual({ ended: 2 });
			expect((await meWith({ authorization: bearer(laptop.profileToken) })).status).toBe(401);
		});
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
