import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { OfflineVerifier } from '$lib/utils/offline-verifier';
import { TazaLocalDatabase } from './database';
import type { SignedIn } from './profile-rules';
import { createProfilesRepo } from './profiles.repo';
import { createProgressRepo } from './progress.repo';

const databases: Dexie[] = [];
afterEach(async () => Promise.all(databases.splice(0).map((db) => db.delete())));

function setup(name = `profiles-${Math.random()}`) {
	const db = new TazaLocalDatabase(name);
	databases.push(db);
	let n = 0;
	const newId = () => `0190b5a0-0000-7000-8000-${String(++n).padStart(12, '0')}`;
	let clock = Date.parse('2026-11-26T10:00:00Z');
	const now = () => new Date((clock += 1000));
	return { db, profiles: createProfilesRepo(db, { newId, now }), progress: createProgressRepo(db, { deviceId: 'device-1', newId, now }) };
}

const verifier: OfflineVerifier = { algorithm: 'PBKDF2-SHA256', iterations: 310_000, salt: 'c2FsdA', hash: 'aGFzaA' };
const signedIn = (personId: string, adopted: boolean, overrides: Partial<SignedIn> = {}): SignedIn => ({
	personId,
	adopted,
	displayName: 'Айбек',
	loginHint: '7-А',
	secret: 'pictures',
	token: `token-of-${personId}`,
	tokenExpiresAt: '2027-05-25T10:00:00.000Z',
	verifier,
	...overrides
});
const lessonDone = { type: 'lesson.completed' as const, payload: { courseId: 'c', lessonId: 'l1', lessonVersion: 'v1' } };

describe('the profiles of a shared device', () => {
	it('start with one guest, made once however many pages ask at the same time', async () => {
		const { profiles } = setup();
		const [a, b, c] = await Promise.all([profiles.active(), profiles.active(), profiles.active()]);
		expect(a).toMatchObject({ kind: 'guest', token: null, verifier: null });
		expect([b!.id, c!.id]).toEqual([a!.id, a!.id]);
		expect(await profiles.list()).toHaveLength(1);
	});

	it("take over version 2's guest learner as the first profile when the database upgrades", async () => {
		const name = `upgrade-${Math.random()}`;
		// The database as the previous release left it: versions 1 and 2 only, one guest id in settings.
		const old = new Dexie(name);
		old.version(1).stores({ settings: 'key' });
		old.version(2).stores({ packs: '[courseId+locale], courseId', events: 'id, [subject.id+payload.courseId], type', summaries: '[subjectId+courseId], subjectId' });
		await old.table('settings').put({ key: 'learner.guestId', value: 'guest-from-v2', updatedAt: '2026-10-01T08:00:00.000Z' });
		old.close();

		const { profiles } = setup(name);
		expect(await profiles.list()).toEqual([expect.objectContaining({ id: 'guest-from-v2', kind: 'guest', createdAt: '2026-10-01T08:00:00.000Z' })]);
		expect((await profiles.active()).id).toBe('guest-from-v2');
	});

	it('let a guest who joins a class keep its id: the guest becomes the account, and its progress is already the child\'s', async () => {
		const { profiles, progress } = setup();
		const guest = await profiles.active();
		await progress.record({ kind: 'learner', id: guest.id }, lessonDone);
		const child = await profiles.saveSignIn(guest.id, signedIn(guest.id, true));
		expect(child).toMatchObject({ id: guest.id, kind: 'account', token: `token-of-${guest.id}`, secret: 'pictures', createdAt: guest.createdAt });
		expect(await profiles.list()).toHaveLength(1);
		expect((await progress.summaryOf([child.id], 'c'))?.completedLessons).toEqual(['l1']);
	});

	it("fold a guest into an existing account it signs in to: the guest's row goes, its id becomes an alias, its progress shows", async () => {
		const { profiles, progress } = setup();
		const guest = await profiles.active();
		await progress.record({ kind: 'learner', id: guest.id }, lessonDone);
		const account = await profiles.saveSignIn(guest.id, signedIn('person-bakyt', true, { secret: 'password', loginHint: 'bakyt' }));
		expect(account).toMatchObject({ id: 'person-bakyt', aliases: [guest.id] });
		expect((await profiles.list()).map((profile) => profile.id)).toEqual(['person-bakyt']);
		expect(await progress.summaryOf(['person-bakyt', ...account.aliases], 'c')).toMatchObject({ subjectId: 'person-bakyt', completedLessons: ['l1'] });
		// The guest's events are kept as they were recorded: sync sends them, the server applies the alias.
		expect(await progress.events(guest.id, 'c')).toHaveLength(1);
	});

	it('leave a guest the server would not give to the account as a guest, for whoever it belongs to', async () => {
		const { profiles } = setup();
		const guest = await profiles.active();
		const account = await profiles.saveSignIn(guest.id, signedIn('person-new', false));
		expect((await profiles.list()).map((profile) => [profile.id, profile.kind])).toEqual([
			[guest.id, 'guest'],
			['person-new', 'account']
		]);
		expect((await profiles.active()).id).toBe(account.id);
	});

	it('add a second person beside the first, and update a profile when its person signs in again', async () => {
		const { profiles } = setup();
		const guest = await profiles.active();
		const child = await profiles.saveSignIn(guest.id, signedIn(guest.id, true));
		// "Add a person": nothing offered, so the child's profile is left as it is.
		const mother = await profiles.saveSignIn(undefined, signedIn('person-mother', false, { displayName: null, loginHint: 'mother', secret: 'password' }));
		expect((await profiles.list()).map((profile) => profile.id)).toEqual([child.id, mother.id]);
		const again = await profiles.saveSignIn(undefined, signedIn('person-mother', false, { displayName: 'Гүлнара', token: 'second-token' }));
		expect(again).toMatchObject({ displayName: 'Гүлнара', token: 'second-token', createdAt: mother.createdAt });
		expect(await profiles.list()).toHaveLength(2);
	});

	it('switch only to a profile on this device', async () => {
		const { profiles } = setup();
		const guest = await profiles.active();
		await profiles.saveSignIn(undefined, signedIn('person-mother', false));
		expect((await profiles.activate(guest.id)).id).toBe(guest.id);
		expect((await profiles.active()).id).toBe(guest.id);
		await expect(profiles.activate('someone-else')).rejects.toThrow();
	});

	it('forget a profile that leaves, keeping its events, and hand the device to the last guest — or a new one', async () => {
		const { profiles, progress } = setup();
		const guest = await profiles.active();
		const mother = await profiles.saveSignIn(undefined, signedIn('person-mother', false));
		await progress.record({ kind: 'learner', id: mother.id }, lessonDone);

		const next = await profiles.leave(mother.id, { tokenRevoked: false });
		expect(next.id).toBe(guest.id);
		expect(await profiles.get(mother.id)).toBeUndefined();
		expect(await progress.events(mother.id, 'c')).toHaveLength(1);
		// Offline, the server could not be told: the token waits to be revoked.
		expect(await profiles.pendingRevocations()).toEqual(['token-of-person-mother']);
		await profiles.revocationSent('token-of-person-mother');
		expect(await profiles.pendingRevocations()).toEqual([]);

		const child = await profiles.saveSignIn(guest.id, signedIn(guest.id, true));
		const fresh = await profiles.leave(child.id, { tokenRevoked: true });
		expect(fresh).toMatchObject({ kind: 'guest' });
		expect(fresh.id).not.toBe(child.id);
		expect(await profiles.pendingRevocations()).toEqual([]);
	});

	it('drop a token the server refused, unless it was replaced meanwhile', async () => {
		const { profiles } = setup();
		await profiles.saveSignIn(undefined, signedIn('person-mother', false));
		await profiles.dropToken('person-mother', 'an-older-token');
		expect((await profiles.get('person-mother'))?.token).toBe('token-of-person-mother');
		await profiles.dropToken('person-mother', 'token-of-person-mother');
		expect(await profiles.get('person-mother')).toMatchObject({ token: null, kind: 'account' });
	});
});
