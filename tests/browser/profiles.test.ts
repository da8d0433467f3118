import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLASS, DEMO_PASSWORD } from '../../src/lib/server/services/demo-data.service';
import { launchChromium, message, newContext, waitForOfflineReady } from '../support/browser';
import { startServer, type RunningServer } from '../support/server';

const COURSE = 'honest-choices';
const LESSON = 'fairness-and-rules';
const CHILD_PICTURES = ['picture_horse', 'picture_sun', 'picture_yurt'];

interface StoredProfile {
	id: string;
	kind: 'guest' | 'account';
	token: string | null;
}

/** Every record of one IndexedDB store of the app's database, read in the page. */
function readStore<T>(page: Page, store: 'events' | 'profiles' | 'settings'): Promise<T[]> {
	return page.evaluate(
		(name) =>
			new Promise<T[]>((resolve, reject) => {
				const request = indexedDB.open('taza');
				request.onerror = () => reject(request.error);
				request.onsuccess = () => {
					const all = request.result.transaction(name).objectStore(name).getAll();
					all.onsuccess = () => {
						resolve(all.result as T[]);
						request.result.close();
					};
				};
			}),
		store
	);
}

async function activeProfile(page: Page): Promise<StoredProfile> {
	const settings = await readStore<{ key: string; value: unknown }>(page, 'settings');
	const activeId = settings.find((setting) => setting.key === 'profiles.activeId')?.value;
	return (await readStore<StoredProfile>(page, 'profiles')).find((profile) => profile.id === activeId)!;
}

const eventSubjects = async (page: Page) =>
	(await readStore<{ id: string; subject: { id: string } }>(page, 'events')).map((event) => ({ id: event.id, subject: event.subject.id }));

/** Moves through reading blocks to the next question of the open lesson and answers it, which records events. */
async function answerAQuestion(page: Page): Promise<void> {
	await page.locator('.lesson-player').waitFor();
	for (let guard = 0; guard < 12; guard += 1) {
		const input = page.locator('[data-block-type] input:not(:disabled)');
		if ((await input.count()) > 0) {
			await input.first().check();
			await page.locator('.lesson-player button.check').click();
			await page.locator('.lesson-player [aria-live] > *').first().waitFor();
			return;
		}
		await page.getByRole('button', { name: message('ky', 'player_next'), exact: true }).click();
	}
	throw new Error('no question in reach');
}

async function choosePictures(page: Page, scope: ReturnType<Page['locator']>): Promise<void> {
	for (const picture of CHILD_PICTURES) await scope.getByRole('button', { name: message('ky', picture), exact: true }).click();
}

describe('several people on one shared device', () => {
	let server: RunningServer;
	let browser: Browser;

	beforeAll(async () => {
		server = await startServer({ env: { TAZA_DEMO_DATA: '1' } });
		browser = await launchChromium();
	});

	afterAll(async () => {
		await browser?.close();
		await server?.stop();
	});

	it('keeps a child and an adult apart: each learns under their own id, calls the API with their own token, and the child switches back offline with the pictures', async () => {
		const context = await newContext(browser);
		const page = await context.newPage();
		const pageErrors: string[] = [];
		page.on('pageerror', (error) => pageErrors.push(error.message));
		/** Every API request, with the person learning at the time and the Authorization it carried. */
		let phase: 'child' | 'adult' | 'child-again' = 'child';
		const apiRequests: Promise<{ phase: string; path: string; authorization: string | undefined }>[] = [];
		page.on('request', (request: Request) => {
			const path = new URL(request.url()).pathname;
			const at = phase;
			// The sync loop keeps sending in the background: a request still in flight when the context closes has no
			// headers to read any more, and is not one this test asserts on.
			if (path.startsWith('/api/')) {
				apiRequests.push(
					request.allHeaders().then(
						(headers) => ({ phase: at, path, authorization: headers.authorization }),
						() => ({ phase: at, path, authorization: undefined })
					)
				);
			}
		});

		// The course is saved on the device, so lessons open offline later.
		await page.goto(`${server.url}/ky/courses/${COURSE}`, { waitUntil: 'networkidle' });
		await waitForOfflineReady(page);
		await page.getByRole('button', { name: new RegExp(message('ky', 'course_save_offline').split(' ·')[0]!) }).click();
		await expect.poll(() => page.getByTestId('course-offline').getAttribute('data-state'), { timeout: 20_000 }).toBe('saved');

		// A child joins the class with a name and three pictures: the device's guest becomes the child's profile.
		const guest = await activeProfile(page);
		await page.goto(`${server.url}/ky/join`, { waitUntil: 'networkidle' });
		await page.locator('#join-code').fill(DEMO_CLASS.joinCode);
		await page.getByRole('button', { name: message('ky', 'join_code_button') }).click();
		await page.getByRole('button', { name: message('ky', 'join_new_here') }).click();
		await page.locator('#join-name').fill('Айбек');
		await page.getByRole('button', { name: message('ky', 'join_code_button') }).click();
		await choosePictures(page, page.getByTestId('join'));
		await page.getByRole('button', { name: message('ky', 'join_submit') }).click();
		await expect.poll(() => page.getByTestId('join').getAttribute('data-step')).toBe('done');
		const child = await activeProfile(page);
		expect(child).toMatchObject({ id: guest.id, kind: 'account', token: expect.stringMatching(/^[\w-]{43}$/) });

		const before = (await eventSubjects(page)).length;
		await page.goto(`${server.url}/ky/courses/${COURSE}/${LESSON}`, { waitUntil: 'networkidle' });
		await answerAQuestion(page);
		const childEvents = (await eventSubjects(page)).slice(before);
		expect(childEvents.length).toBeGreaterThan(0);

		// A second person signs in on the same device, beside the child: "Add a person" → sign in.
		await page.getByTestId('profile-button').click();
		await page.getByRole('link', { name: message('ky', 'profiles_add_sign_in') }).click();
		await page.waitForURL('**/ky/account?add');
		const account = page.getByTestId('account');
		await expect.poll(() => account.getAttribute('data-status')).toBe('signed-out');
		expect(await account.getAttribute('data-adding')).toBe('true');
		await page.waitForLoadState('networkidle');
		phase = 'adult';
		await page.locator('#sign-in-login').fill('demo.learner');
		await page.locator('#sign-in-password').fill(DEMO_PASSWORD);
		await page.getByRole('button', { name: message('ky', 'account_sign_in_button'), exact: true }).click();
		await expect.poll(() => account.getAttribute('data-status')).toBe('signed-in');
		const adult = await activeProfile(page);
		expect(adult.id).not.toBe(child.id);
		expect(adult.token).not.toBe(child.token);
		expect((await readStore<StoredProfile>(page, 'profiles')).map((profile) => profile.id).sort()).toEqual([child.id, adult.id].sort());

		// Pages of the adult: the account (who am I), the classes, and a lesson.
		await page.goto(`${server.url}/ky/classes`, { waitUntil: 'networkidle' });
		await expect.poll(() => page.getByTestId('classes').getAttribute('data-status')).toBe('ready');
		await page.goto(`${server.url}/ky/account`, { waitUntil: 'networkidle' });
		await expect.poll(() => account.getAttribute('data-status')).toBe('signed-in');
		const beforeAdult = (await eventSubjects(page)).length;
		await page.goto(`${server.url}/ky/courses/${COURSE}/${LESSON}`, { waitUntil: 'networkidle' });
		await answerAQuestion(page);
		const adultEvents = (await eventSubjects(page)).slice(beforeAdult);
		expect(adultEvents.length).toBeGreaterThan(0);

		// Both people are in "Who is learning?".
		await page.getByTestId('profile-button').click();
		const chooser = page.getByTestId('profile-chooser');
		await chooser.waitFor();
		expect((await chooser.locator('[data-profile-id]').evaluateAll((options) => options.map((option) => option.getAttribute('data-profile-id')))).sort()).toEqual(
			[child.id, adult.id].sort()
		);

		// The connection goes. The child takes the phone back: their pictures, checked on the device.
		await context.setOffline(true);
		phase = 'child-again';
		await chooser.locator(`[data-profile-id="${child.id}"]`).click();
		await expect.poll(() => chooser.getAttribute('data-step')).toBe('secret');
		// The wrong order first: refused.
		for (const picture of [...CHILD_PICTURES].reverse()) await chooser.getByRole('button', { name: message('ky', picture), exact: true }).click();
		await chooser.getByRole('button', { name: message('ky', 'profiles_switch_button') }).click();
		await chooser.getByRole('alert').filter({ hasText: message('ky', 'profiles_wrong_secret') }).waitFor();
		expect((await activeProfile(page)).id).toBe(adult.id);
		await choosePictures(page, chooser);
		await chooser.getByRole('button', { name: message('ky', 'profiles_switch_button') }).click();
		await chooser.waitFor({ state: 'hidden' });
		expect((await activeProfile(page)).id).toBe(child.id);
		await expect.poll(() => page.getByTestId('profile-button').getAttribute('aria-label')).toContain('Айбек');

		// The lesson page mounted again for the child; what they do now is theirs.
		const beforeChildAgain = (await eventSubjects(page)).length;
		await answerAQuestion(page);
		const childAgainEvents = (await eventSubjects(page)).slice(beforeChildAgain);
		expect(childAgainEvents.length).toBeGreaterThan(0);

		expect(new Set(childEvents.map((event) => event.subject))).toEqual(new Set([child.id]));
		expect(new Set(adultEvents.map((event) => event.subject))).toEqual(new Set([adult.id]));
		expect(new Set(childAgainEvents.map((event) => event.subject))).toEqual(new Set([child.id]));

		// Back online, the page cookie follows the child (the switch goes with the child's token).
		await context.setOffline(false);
		await expect
			.poll(async () => (await Promise.all(apiRequests)).some((call) => call.path === '/api/auth/switch' && call.authorization === `Bearer ${child.token}`))
			.toBe(true);
		await expect.poll(() => page.evaluate(() => fetch('/api/auth/me').then((response) => response.json()).then((body) => body.personId))).toBe(child.id);

		// While the adult was learning, every page's API call that named someone named the adult — never the child.
		// (The sync loop is different by design: it sends each profile's own events under that profile's token.)
		const requests = (await Promise.all(apiRequests)).filter((call) => !call.path.startsWith('/api/sync/'));
		const adultCalls = requests.filter((call) => call.phase === 'adult' && call.authorization !== undefined);
		expect(adultCalls.map((call) => call.path)).toEqual(expect.arrayContaining(['/api/auth/me', '/api/classes']));
		expect(new Set(adultCalls.map((call) => call.authorization))).toEqual(new Set([`Bearer ${adult.token}`]));
		expect(requests.filter((call) => call.authorization === `Bearer ${child.token}`).every((call) => call.phase !== 'adult')).toBe(true);
		expect(pageErrors).toEqual([]);
		await context.close();
	});

	it('removes a person from the device: the token is revoked, a guest learns next, and the events stay for sync', async () => {
		const context = await newContext(browser);
		const page = await context.newPage();
		await page.goto(`${server.url}/ky/courses/${COURSE}/${LESSON}`, { waitUntil: 'networkidle' });
		await answerAQuestion(page);
		// The link drops every push: what Gulnara did stays unsent until she asks for it to go.
		await page.route('**/api/sync/push', (route) => route.abort('internetdisconnected'));
		await page.goto(`${server.url}/ky/account`, { waitUntil: 'networkidle' });
		const account = page.getByTestId('account');
		await expect.poll(() => account.getAttribute('data-status')).toBe('signed-out');
		await page.locator('#sign-up-name').fill('Гүлнара');
		await page.locator('#sign-up-login').fill('gulnara.shared');
		await page.locator('#sign-up-password').fill('ak-jurok-2026');
		await page.getByRole('button', { name: message('ky', 'account_sign_up_button') }).click();
		await expect.poll(() => account.getAttribute('data-status')).toBe('signed-in');
		const gulnara = await activeProfile(page);
		const events = await eventSubjects(page);
		expect(new Set(events.map((event) => event.subject))).toEqual(new Set([gulnara.id]));

		await page.getByTestId('profile-button').click();
		const chooser = page.getByTestId('profile-chooser');
		await chooser.getByRole('button', { name: message('ky', 'profiles_remove').replace('{name}', 'Гүлнара') }).click();
		// Removing would strand her unsent actions until she signs in here again: the dialog says so and offers to send them.
		const unsent = chooser.getByTestId('unsent-warning');
		await expect.poll(() => unsent.textContent()).toContain('Гүлнара');
		await page.unroute('**/api/sync/push');
		await unsent.getByRole('button', { name: message('ky', 'profiles_remove_send_first') }).click();
		await unsent.waitFor({ state: 'detached' });
		await chooser.getByRole('button', { name: message('ky', 'profiles_remove_confirm'), exact: true }).click();
		await chooser.waitFor({ state: 'hidden' });

		const next = await activeProfile(page);
		expect(next).toMatchObject({ kind: 'guest' });
		expect((await readStore<StoredProfile>(page, 'profiles')).map((profile) => profile.id)).toEqual([next.id]);
		expect(await eventSubjects(page)).toEqual(events);
		const withOldToken = await fetch(`${server.url}/api/auth/me`, { headers: { authorization: `Bearer ${gulnara.token}` } });
		expect(withOldToken.status).toBe(401);
		await expect.poll(() => account.getAttribute('data-status')).toBe('signed-out');
		await context.close();
	});
});
