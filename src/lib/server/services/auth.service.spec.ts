import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hashToken, passwordHasher } from '../auth/secrets';
import { openDatabase, type DatabaseHandle } from '../db/connection';
import { createAccountsRepo } from '../repos/accounts.repo';
import { createDevicesRepo } from '../repos/devices.repo';
import { createMembershipsRepo } from '../repos/memberships.repo';
import { createAuthService } from './auth.service';
import { createDevicesService } from './devices.service';

const handles: { handle: DatabaseHandle; dir: string }[] = [];
afterEach(() => {
	for (const { handle, dir } of handles.splice(0)) {
		handle.sqlite.close();
		rmSync(dir, { recursive: true, force: true });
	}
});

// A transparent stand-in for argon2 keeps these tests fast; secrets.spec.ts checks the real hasher.
const fakeHasher = {
	hash: async (password: string) => `hashed:${password}`,
	verify: async (hash: string, password: string) => hash === `hashed:${password}`
};

function setup() {
	const dir = mkdtempSync(path.join(tmpdir(), 'taza-auth-'));
	const handle = openDatabase({ dataDir: dir, databaseFile: path.join(dir, 'taza.db'), migrationsDir: path.resolve('drizzle') });
	handles.push({ handle, dir });
	let clock = Date.parse('2026-11-26T10:00:00Z');
	let n = 0;
	const auth = createAuthService({
		accounts: createAccountsRepo(handle.db),
		devices: createDevicesRepo(handle.db),
		classes: createMembershipsRepo(handle.db),
		hasher: fakeHasher,
		newId: () => `id-${++n}`,
		newToken: () => `token-${++n}`,
		hashToken,
		now: () => new Date(clock)
	});
	const devices = createDevicesService({ devices: createDevicesRepo(handle.db), hashSecret: hashToken, now: () => new Date(clock) });
	return { auth, devices, handle, advanceMinutes: (minutes: number) => (clock += minutes * 60_000) };
}

const count = (handle: DatabaseHandle, table: string) => handle.sqlite.prepare(`select count(*) from ${table}`).pluck().get();

describe('signing up', () => {
	it('creates a person, an account, a login name, a session and an audit entry, storing only the token hash', async () => {
		const { auth, handle } = setup();
		const result = await auth.signUp({ login: '0555 123 456', password: 'ak-nietüülük', displayName: 'Айгүл' });
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(handle.sqlite.prepare('select login, kind from login_names').get()).toEqual({ login: '+996555123456', kind: 'phone' });
		expect(handle.sqlite.prepare("select token_hash from sessions where kind = 'cookie'").pluck().get()).toBe(hashToken(result.value.token));
		expect(handle.sqlite.prepare('select count(*) from sessions where token_hash = ?').pluck().get(result.value.token)).toBe(0);
		expect(handle.sqlite.prepare('select action from audit_log').pluck().all()).toEqual(['account.created']);
		expect(await auth.resolve(result.value.token, 'cookie')).toMatchObject({ personId: result.value.personId, kind: 'cookie' });
		expect(result.value.displayName).toBe('Айгүл');
	});

	it('refuses a bad login, a short password or a taken login, and writes nothing', async () => {
		const { auth, handle } = setup();
		await auth.signUp({ login: 'aibek', password: 'long-enough' });
		const before = ['people', 'accounts', 'sessions', 'audit_log'].map((table) => count(handle, table));
		expect(await auth.signUp({ login: '12', password: 'long-enough' })).toMatchObject({ ok: false, failure: { code: 'login-invalid' } });
		expect(await auth.signUp({ login: 'nurgul', password: 'short' })).toMatchObject({ ok: false, failure: { code: 'password-invalid' } });
		expect(await auth.signUp({ login: 'AIBEK', password: 'long-enough' })).toMatchObject({ ok: false, failure: { code: 'login-taken' } });
		expect(['people', 'accounts', 'sessions', 'audit_log'].map((table) => count(handle, table))).toEqual(before);
	});
});

describe('signing in', () => {
	it('signs in with the same login written differently', async () => {
		const { auth } = setup();
		await auth.signUp({ login: '+996 555 123 456', password: 'long-enough' });
		expect((await auth.signIn({ login: '0555123456', password: 'long-enough' })).ok).toBe(true);
	});

	it('does not tell a wrong password from an unknown login', async () => {
		const { auth } = setup();
		await auth.signUp({ login: 'aibek', password: 'long-enough' });
		expect(await auth.signIn({ login: 'aibek', password: 'wrong-one' })).toEqual({ ok: false, failure: { code: 'wrong-credentials' } });
		expect(await auth.signIn({ login: 'nobody', password: 'wrong-one' })).toEqual({ ok: false, failure: { code: 'wrong-credentials' } });
	});

	it('locks the account after five wrong passwords, even for the right one, until the lock passes', async () => {
		const { auth, advanceMinutes } = setup();
		await auth.signUp({ login: 'aibek', password: 'long-enough' });
		for (let i = 0; i < 4; i += 1) expect((await auth.signIn({ login: 'aibek', password: 'wrong-one' })).ok).toBe(false);
		expect(await auth.signIn({ login: 'aibek', password: 'wrong-one' })).toEqual({ ok: false, failure: { code: 'locked', retryAfterSeconds: 900 } });
		advanceMinutes(5);
		expect(await auth.signIn({ login: 'aibek', password: 'long-enough' })).toEqual({ ok: false, failure: { code: 'locked', retryAfterSeconds: 600 } });
		advanceMinutes(11);
		expect((await auth.signIn({ login: 'aibek', password: 'long-enough' })).ok).toBe(true);
		// A successful sign-in clears the count.
		expect(await auth.signIn({ login: 'aibek', password: 'wrong-one' })).toEqual({ ok: false, failure: { code: 'wrong-credentials' } });
	});
});

describe('sessions', () => {
	it('refuses an unknown token, a signed-out session and an expired one', async () => {
		const { auth, advanceMinutes } = setup();
		const first = await auth.signUp({ login: 'aibek', password: 'long-enough' });
		if (!first.ok) throw new Error('sign-up failed');
		expect(await auth.resolve('a-stolen-looking-token', 'cookie')).toBeUndefined();
		const session = (await auth.resolve(first.value.token, 'cookie'))!;
		expect(await auth.signOut(session, undefined)).toEqual({ clearCookie: true });
		expect(await auth.resolve(first.value.token, 'cookie')).toBeUndefined();

		const second = await auth.signIn({ login: 'aibek', password: 'long-enough' });
		if (!second.ok) throw new Error('sign-in failed');
		advanceMinutes(31 * 24 * 60);
		expect(await auth.resolve(second.value.token, 'cookie')).toBeUndefined();
	});

	it('ends the other sessions when the password changes, and every session on "sign out everywhere"', async () => {
		const { auth, handle } = setup();
		const phone = await auth.signUp({ login: 'aibek', password: 'long-enough' });
		const laptop = await auth.signIn({ login: 'aibek', password: 'long-enough' });
		if (!phone.ok || !laptop.ok) throw new Error('sign-in failed');
		const laptopSession = (await auth.resolve(laptop.value.token, 'cookie'))!;

		expect(await auth.changePassword(laptopSession, { currentPassword: 'wrong-one', newPassword: 'new-password' })).toMatchObject({ ok: false });
		expect((await auth.changePassword(laptopSession, { currentPassword: 'long-enough', newPassword: 'new-password' })).ok).toBe(true);
		expect(await auth.resolve(phone.value.token, 'cookie')).toBeUndefined();
		expect(await auth.resolve(phone.value.profileToken, 'profile')).toBeUndefined();
		expect(await auth.resolve(laptop.value.token, 'cookie')).toBeDefined();
		const again = await auth.signIn({ login: 'aibek', password: 'new-password' });
		expect(again.ok).toBe(true);

		// The laptop's cookie, and the new sign-in's cookie and profile token.
		expect(await auth.signOutEverywhere(laptopSession)).toBe(3);
		expect(await auth.resolve(laptop.value.token, 'cookie')).toBeUndefined();
		expect(again.ok && (await auth.resolve(again.value.profileToken, 'profile'))).toBeUndefined();
		expect(handle.sqlite.prepare('select action from audit_log order by rowid').pluck().all()).toEqual([
			'account.created',
			'password.changed',
			'sessions.revoked-all'
		]);
	});
});

describe('profile tokens for a shared device', () => {
	async function signedUp(auth: ReturnType<typeof setup>['auth'], login: string) {
		const result = await auth.signUp({ login, password: 'long-enough' });
		if (!result.ok) throw new Error('sign-up failed');
		return result.value;
	}

	it('come with every sign-in, apart from the cookie, stored hashed and valid for 180 days', async () => {
		const { auth, handle, advanceMinutes } = setup();
		const issued = await signedUp(auth, 'aibek');
		const rows = handle.sqlite.prepare('select kind, token_hash, created_at, expires_at from sessions order by kind').all() as {
			kind: string;
			token_hash: string;
			created_at: string;
			expires_at: string;
		}[];
		expect(rows.map((row) => row.kind)).toEqual(['cookie', 'profile']);
		expect(rows[1]!.token_hash).toBe(hashToken(issued.profileToken));
		expect(Date.parse(rows[1]!.expires_at) - Date.parse(rows[1]!.created_at)).toBe(180 * 86_400_000);
		expect(issued.profileTokenExpiresAt).toBe(rows[1]!.expires_at);
		expect(issued.profileToken).not.toBe(issued.token);

		advanceMinutes(31 * 24 * 60);
		expect(await auth.resolve(issued.token, 'cookie')).toBeUndefined();
		expect(await auth.resolve(issued.profileToken, 'profile')).toMatchObject({ personId: issued.personId, kind: 'profile' });
		advanceMinutes(150 * 24 * 60);
		expect(await auth.resolve(issued.profileToken, 'profile')).toBeUndefined();
	});

	it('are never accepted as a cookie, nor a cookie as a profile token', async () => {
		const { auth } = setup();
		const issued = await signedUp(auth, 'aibek');
		expect(await auth.resolve(issued.profileToken, 'cookie')).toBeUndefined();
		expect(await auth.resolve(issued.token, 'profile')).toBeUndefined();
	});

	it('move the page cookie to their account on a switch, ending the cookie of whoever was active', async () => {
		const { auth } = setup();
		const mother = await signedUp(auth, 'mother');
		const son = await signedUp(auth, 'son');
		const sonProfile = (await auth.resolve(son.profileToken, 'profile'))!;
		const switched = await auth.switchTo(sonProfile, mother.token);
		expect(switched).toMatchObject({ personId: son.personId });
		expect(await auth.resolve(switched!.token, 'cookie')).toMatchObject({ personId: son.personId });
		expect(await auth.resolve(mother.token, 'cookie')).toBeUndefined();
		// Her profile token stays: she switches back later.
		expect(await auth.resolve(mother.profileToken, 'profile')).toBeDefined();
		// A cookie cannot ask for a switch: the cookie is what follows the profile.
		expect(await auth.switchTo(await auth.resolve(switched!.token, 'cookie'), undefined)).toBeUndefined();
		expect(await auth.switchTo(undefined, switched!.token)).toBeUndefined();
	});

	it("end with the profile leaving the device, without ending another person's cookie there", async () => {
		const { auth } = setup();
		const mother = await signedUp(auth, 'mother');
		const son = await signedUp(auth, 'son');
		const sonProfile = (await auth.resolve(son.profileToken, 'profile'))!;
		expect(await auth.signOut(sonProfile, mother.token)).toEqual({ clearCookie: false });
		expect(await auth.resolve(son.profileToken, 'profile')).toBeUndefined();
		expect(await auth.resolve(mother.token, 'cookie')).toBeDefined();

		const motherProfile = (await auth.resolve(mother.profileToken, 'profile'))!;
		expect(await auth.signOut(motherProfile, mother.token)).toEqual({ clearCookie: true });
		expect(await auth.resolve(mother.token, 'cookie')).toBeUndefined();
	});

	it('of other devices end when the password changes; this device keeps its profile token and its cookie', async () => {
		const { auth } = setup();
		const phone = await signedUp(auth, 'aibek');
		const laptop = await auth.signIn({ login: 'aibek', password: 'long-enough' });
		if (!laptop.ok) throw new Error('sign-in failed');
		const laptopProfile = (await auth.resolve(laptop.value.profileToken, 'profile'))!;
		expect((await auth.changePassword(laptopProfile, { currentPassword: 'long-enough', newPassword: 'new-password' }, laptop.value.token)).ok).toBe(true);
		expect(await auth.resolve(laptop.value.profileToken, 'profile')).toBeDefined();
		expect(await auth.resolve(laptop.value.token, 'cookie')).toBeDefined();
		expect(await auth.resolve(phone.profileToken, 'profile')).toBeUndefined();
		expect(await auth.resolve(phone.token, 'cookie')).toBeUndefined();
	});

	it('of every device end on "sign out everywhere"', async () => {
		const { auth } = setup();
		const phone = await signedUp(auth, 'aibek');
		const laptop = await auth.signIn({ login: 'aibek', password: 'long-enough' });
		if (!laptop.ok) throw new Error('sign-in failed');
		expect(await auth.signOutEverywhere((await auth.resolve(laptop.value.profileToken, 'profile'))!)).toBe(4);
		for (const token of [phone.profileToken, laptop.value.profileToken]) expect(await auth.resolve(token, 'profile')).toBeUndefined();
	});
});

describe('learning as a guest first', () => {
	const phone = { deviceId: 'device-phone-1', deviceSecret: 's'.repeat(43) };

	it('lets the account adopt the guest id the device made, so the guest progress is already the account\'s', async () => {
		const { auth, devices, handle } = setup();
		expect(await devices.enrol({ deviceId: phone.deviceId, secret: phone.deviceSecret, learnerIds: ['guest-aigul'] })).toEqual({
			ok: true,
			claimed: ['guest-aigul'],
			refused: []
		});
		const result = await auth.signUp({ login: 'aigul', password: 'long-enough', guest: { learnerId: 'guest-aigul', ...phone } });
		expect(result).toMatchObject({ ok: true, value: { personId: 'guest-aigul', adopted: true } });
		expect(handle.sqlite.prepare('select person_id from accounts').pluck().get()).toBe('guest-aigul');
	});

	it('needs proof: the device secret, and an id that device claimed first', async () => {
		const { auth, devices } = setup();
		await devices.enrol({ deviceId: phone.deviceId, secret: phone.deviceSecret, learnerIds: ['guest-aigul'] });
		await devices.enrol({ deviceId: 'device-other-1', secret: 'o'.repeat(43), learnerIds: ['guest-aigul'] });
		expect(await devices.enrol({ deviceId: phone.deviceId, secret: 'x'.repeat(43), learnerIds: [] })).toEqual({ ok: false, code: 'device-secret-mismatch' });
		const wrongSecret = { learnerId: 'guest-aigul', deviceId: phone.deviceId, deviceSecret: 'x'.repeat(43) };
		const wrongDevice = { learnerId: 'guest-aigul', deviceId: 'device-other-1', deviceSecret: 'o'.repeat(43) };
		for (const guest of [wrongSecret, wrongDevice]) {
			expect(await auth.signUp({ login: 'thief', password: 'long-enough', guest })).toEqual({ ok: false, failure: { code: 'guest-proof-invalid' } });
		}
	});

	it('never adopts an id an account already holds', async () => {
		const { auth, devices } = setup();
		await devices.enrol({ deviceId: phone.deviceId, secret: phone.deviceSecret, learnerIds: ['guest-aigul'] });
		const guest = { learnerId: 'guest-aigul', ...phone };
		await auth.signUp({ login: 'aigul', password: 'long-enough', guest });
		const second = await auth.signUp({ login: 'aigul.sister', password: 'long-enough', guest });
		expect(second.ok && second.value.adopted).toBe(false);
		expect(second.ok && second.value.personId).not.toBe('guest-aigul');
	});

	it('records a guest id as an alias when its owner signs in to an existing account on that device', async () => {
		const { auth, devices, handle } = setup();
		const account = await auth.signUp({ login: 'bakyt', password: 'long-enough' });
		if (!account.ok) throw new Error('sign-up failed');
		await devices.enrol({ deviceId: phone.deviceId, secret: phone.deviceSecret, learnerIds: ['guest-on-school-pc'] });
		const signIn = await auth.signIn({ login: 'bakyt', password: 'long-enough', guest: { learnerId: 'guest-on-school-pc', ...phone } });
		// "Adopted" here means the guest's progress is now the account's: the device folds it into his profile.
		expect(signIn).toMatchObject({ ok: true, value: { personId: account.value.personId, adopted: true } });
		const again = await auth.signIn({ login: 'bakyt', password: 'long-enough', guest: { learnerId: 'guest-on-school-pc', ...phone } });
		expect(again).toMatchObject({ ok: true, value: { adopted: true } });
		const other = await auth.signUp({ login: 'bakyts.sister', password: 'long-enough' });
		expect(await auth.signIn({ login: 'bakyts.sister', password: 'long-enough', guest: { learnerId: 'guest-on-school-pc', ...phone } })).toMatchObject({
			ok: true,
			value: { personId: other.ok && other.value.personId, adopted: false }
		});
		expect(await auth.signIn({ login: 'bakyt', password: 'long-enough' })).toMatchObject({ ok: true, value: { adopted: false } });
		expect(handle.sqlite.prepare('select alias_id, person_id, reason from person_aliases').all()).toEqual([
			{ alias_id: 'guest-on-school-pc', person_id: account.value.personId, reason: 'guest-merged-at-sign-in' }
		]);
		expect(handle.sqlite.prepare("select count(*) from audit_log where action = 'guest.merged'").pluck().get()).toBe(1);
	});
});

describe('children in a class', () => {
	function withClass() {
		const context = setup();
		context.handle.sqlite.prepare("insert into classes (id, name, join_code, created_at) values ('class-7a', '7-А', 'MEKTP7', '2026-09-01')").run();
		return context;
	}
	const pictures = { kind: 'pictures' as const, pictures: ['sun', 'horse', 'apple'] };

	it('join with the code, a name and three pictures, and appear in the roster', async () => {
		const { auth } = withClass();
		const joined = await auth.joinClass({ code: 'mektp-7', displayName: 'Айбек', secret: pictures });
		expect(joined).toMatchObject({ ok: true, value: { className: '7-А', displayName: 'Айбек' } });
		expect(joined.ok && (await auth.resolve(joined.value.profileToken, 'profile'))).toMatchObject({ personId: joined.ok && joined.value.personId });
		const found = await auth.classForCode('MEKTP7');
		expect(found?.learners.map((learner) => learner.displayName)).toEqual(['Айбек']);
	});

	it('sign in again by picking their name and the same pictures in the same order', async () => {
		const { auth } = withClass();
		const joined = await auth.joinClass({ code: 'MEKTP7', displayName: 'Нургүл', secret: { kind: 'pin', pin: '0427' } });
		if (!joined.ok) throw new Error('join failed');
		const personId = joined.value.personId;
		const signedIn = await auth.signInToClass({ code: 'MEKTP7', personId, secret: { kind: 'pin', pin: '0427' } });
		expect(signedIn.ok && (await auth.resolve(signedIn.value.profileToken, 'profile'))).toMatchObject({ personId });
		expect(await auth.signInToClass({ code: 'MEKTP7', personId, secret: { kind: 'pin', pin: '7240' } })).toEqual({
			ok: false,
			failure: { code: 'wrong-credentials' }
		});
		expect(await auth.signInToClass({ code: 'OTHER1', personId, secret: { kind: 'pin', pin: '0427' } })).toEqual({
			ok: false,
			failure: { code: 'wrong-credentials' }
		});
	});

	it('refuse an unknown code, an empty name or a bad secret, writing nothing', async () => {
		const { auth, handle } = withClass();
		expect(await auth.joinClass({ code: 'NOPE77', displayName: 'Айбек', secret: pictures })).toEqual({ ok: false, failure: { code: 'unknown-class' } });
		expect(await auth.joinClass({ code: 'MEKTP7', displayName: '  ', secret: pictures })).toEqual({ ok: false, failure: { code: 'name-invalid' } });
		expect(await auth.joinClass({ code: 'MEKTP7', displayName: 'Айбек', secret: { kind: 'pictures', pictures: ['sun'] } })).toMatchObject({
			ok: false,
			failure: { code: 'secret-invalid' }
		});
		expect(count(handle, 'people')).toBe(0);
		expect(count(handle, 'memberships')).toBe(0);
	});
});

describe('the password hasher', () => {
	it('uses argon2id and verifies only the right password', async () => {
		const hash = await passwordHasher.hash('мугалим-2026');
		expect(hash.startsWith('$argon2id$')).toBe(true);
		expect(await passwordHasher.verify(hash, 'мугалим-2026')).toBe(true);
		expect(await passwordHasher.verify(hash, 'мугалим-2025')).toBe(false);
		expect(await passwordHasher.verify('not-a-hash', 'x')).toBe(false);
	});
});
