import { describe, expect, it } from 'vitest';
import { message, newContext, useAppInChromium } from '../support/browser';

describe('the account page', () => {
	const app = useAppInChromium();

	it('creates an account, signs out, refuses a wrong password in the page language, and signs in again', async () => {
		const context = await newContext(app.browser);
		const page = await context.newPage();
		await page.goto(`${app.server.url}/ky/account`);
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
		await context.close();
	});

	it('says that signing in needs a connection when offline, instead of breaking', async () => {
		const context = await newContext(app.browser);
		const page = await context.newPage();
		await page.goto(`${app.server.url}/ru/account`);
		await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
		await context.setOffline(true);
		await page.reload();
		await expect.poll(() => page.getByTestId('account').getAttribute('data-status')).toBe('offline');
		expect(await page.getByRole('alert').first().textContent()).toBe(message('ru', 'account_needs_connection'));
		await context.close();
	});
});
