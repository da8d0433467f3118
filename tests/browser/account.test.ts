import { describe, expect, it } from 'vitest';
import { message, newContext, useAppInChromium } from '../support/browser';

describe('the account page', () => {
	const app = useAppInChromium();

	it('creates an account, signs out, refuses a wrong password in the page language, and signs in again', async () => {
		const context = await newContext(app.browser);
		const page = await context.newPage();
		await page.goto(`${app.server.url}/ky/account`, { waitUntil: 'networkidle' });
		const account = page.getByTestId('account');
		await expect.poll(() => account.getAttribute('data-status')).toBe('signed-out');

		await page.locator('#sign-up-name').fill('Нургүл');
		await page.locator('#sign-up-login').fill('0777 123 456');
		await page.locator('#sign-up-password').fill('ak-jurok-2026');
		await page.getByRole('button', { name: message('ky', 'account_sign_up_button') }).click();
		await expect.poll(() => account.getAttribute('data-status')).toBe('signed-in');
		const cookies = await context.cookies();
		expect(cookies.find((cookie) => cookie.name === 'taza_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

		await page.getByRole('button', { name: message('ky', 'account_sign_out'), exact: true }).click();
		await expect.poll(() => account.getAttribute('data-status')).toBe('signed-out');

		await page.locator('#sign-in-login').fill('+996777123456');
		await page.locator('#sign-in-password').fill('wrong-password');
		await page.getByRole('button', { name: message('ky', 'account_sign_in_button'), exact: true }).click();
		await page.getByRole('alert').filter({ hasText: message('ky', 'auth_error_wrong_credentials') }).waitFor();

		await page.locator('#sign-in-password').fill('ak-jurok-2026');
		await page.getByRole('button', { name: message('ky', 'account_sign_in_button'), exact: true }).click();
		await expect.poll(() => account.getAttribute('data-status')).toBe('signed-in');

		// Signed in, she opens a class and gets a join code to write on the board.
		await page.getByRole('link', { name: message('ky', 'classes_title') }).click();
		await expect.poll(() => page.getByTestId('classes').getAttribute('data-status')).toBe('ready');
		await page.locator('#class-name').fill('7-Б');
		await page.getByRole('button', { name: message('ky', 'classes_open_button') }).click();
		await expect.poll(() => page.getByTestId('join-code').first().textContent()).toMatch(/^[ACDEFGHJKLMNPQRTUVWXY34679]{6}$/);
		await context.close();
	});

	it('says that signing in needs a connection when offline, instead of breaking', async () => {
		const context = await newContext(app.browser);
		const page = await context.newPage();
		await page.goto(`${app.server.url}/ru/account`, { waitUntil: 'networkidle' });
		await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
		await context.setOffline(true);
		await page.reload();
		await expect.poll(() => page.getByTestId('account').getAttribute('data-status')).toBe('offline');
		expect(await page.getByRole('alert').first().textContent()).toBe(message('ru', 'account_needs_connection'));
		await context.close();
	});
});

describe('a guest who learned offline', () => {
	const app = useAppInChromium();

	it('creates an account that adopts the guest learner, keeping the progress made as a guest', async () => {
		const context = await newContext(app.browser);
		const page = await context.newPage();
		await page.goto(`${app.server.url}/en/courses/honest-choices`, { waitUntil: 'networkidle' });
		await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
		await page.getByRole('button', { name: /Save for offline use/ }).click();
		await expect.poll(() => page.getByTestId('course-offline').getAttribute('data-state')).toBe('saved');

		// Offline, as a guest: reach the first question of a lesson and answer it.
		await context.setOffline(true);
		await page.goto(`${app.server.url}/en/courses/honest-choices/fairness-and-rules`, { waitUntil: 'networkidle' });
		await page.locator('.lesson-player').waitFor();
		for (let guard = 0; guard < 10; guard += 1) {
			const type = await page.locator('[data-block-type]').getAttribute('data-block-type');
			if (type !== 'text' && type !== 'image') break;
			await page.getByRole('button', { name: 'Next', exact: true }).click();
		}
		await page.locator('[data-block-type] input').first().check();
		await page.locator('.lesson-player button.check').click();
		await page.goto(`${app.server.url}/en/courses/honest-choices`, { waitUntil: 'networkidle' });
		await expect.poll(() => page.locator('li[data-lesson="fairness-and-rules"]').getAttribute('data-state')).toBe('in-progress');

		// Back online, create an account.
		await context.setOffline(false);
		await page.goto(`${app.server.url}/en/account`, { waitUntil: 'networkidle' });
		await expect.poll(() => page.getByTestId('account').getAttribute('data-status')).toBe('signed-out');
		await page.locator('#sign-up-login').fill('guest.then.learner');
		await page.locator('#sign-up-password').fill('kept-my-progress');
		await page.getByRole('button', { name: message('en', 'account_sign_up_button') }).click();
		await expect.poll(() => page.getByTestId('account').getAttribute('data-status')).toBe('signed-in');

		// The account's person is the guest learner: every event recorded as a guest is already the account's.
		const guestId = await page.evaluate(
			() =>
				new Promise<string>((resolve, reject) => {
					const request = indexedDB.open('taza');
					request.onerror = () => reject(request.error);
					request.onsuccess = () => {
						const events = request.result.transaction('events').objectStore('events').getAll();
						events.onsuccess = () => resolve((events.result as { subject: { id: string } }[])[0]!.subject.id);
					};
				})
		);
		const me = await page.evaluate(() => fetch('/api/auth/me').then((response) => response.json()));
		expect(me.personId).toBe(guestId);
		await page.goto(`${app.server.url}/en/courses/honest-choices`, { waitUntil: 'networkidle' });
		await expect.poll(() => page.locator('li[data-lesson="fairness-and-rules"]').getAttribute('data-state')).toBe('in-progress');
		await context.close();
	});
});
