import { describe, expect, it } from 'vitest';
import { message, newContext, useAppInChromium } from '../support/browser';

// Pages are prerendered: typing before hydration would submit a form natively, so each goto waits for quiet.
describe('a class', () => {
	const app = useAppInChromium();

	it('is opened by a teacher; a child joins on another device with the code and a picture password; the teacher sees the child', async () => {
		// The teacher's browser.
		const teacherContext = await newContext(app.browser);
		const teacher = await teacherContext.newPage();
		await teacher.goto(`${app.server.url}/ky/account`, { waitUntil: 'networkidle' });
		await expect.poll(() => teacher.getByTestId('account').getAttribute('data-status')).toBe('signed-out');
		await teacher.locator('#sign-up-login').fill('0700 555 111');
		await teacher.locator('#sign-up-password').fill('mugalim-2026');
		await teacher.getByRole('button', { name: message('ky', 'account_sign_up_button') }).click();
		await expect.poll(() => teacher.getByTestId('account').getAttribute('data-status')).toBe('signed-in');
		await teacher.goto(`${app.server.url}/ky/classes`, { waitUntil: 'networkidle' });
		await teacher.locator('#class-name').fill('7-А');
		await teacher.getByRole('button', { name: message('ky', 'classes_open_button') }).click();
		const code = (await teacher.getByTestId('join-code').first().textContent())!.trim();
		expect(code).toMatch(/^[A-Z0-9]{6}$/);

		// The child's phone: a different browser, no account.
		const childContext = await newContext(app.browser, { viewport: { width: 360, height: 640 } });
		const child = await childContext.newPage();
		await child.goto(`${app.server.url}/ky/join`, { waitUntil: 'networkidle' });
		await child.locator('#join-code').fill(code.toLowerCase());
		await child.getByRole('button', { name: message('ky', 'join_code_button') }).click();
		await child.locator('#join-name').fill('Айбек');
		await child.getByRole('button', { name: message('ky', 'join_code_button') }).click();
		for (const picture of ['picture_horse', 'picture_sun', 'picture_yurt']) {
			await child.getByRole('button', { name: message('ky', picture), exact: true }).click();
		}
		await child.getByRole('button', { name: message('ky', 'join_submit') }).click();
		await expect.poll(() => child.getByTestId('join').getAttribute('data-step')).toBe('done');

		// The teacher sees the child in the roster.
		await teacher.reload({ waitUntil: 'networkidle' });
		await expect.poll(() => teacher.getByTestId('roster').first().textContent()).toContain('Айбек');

		// Later, on a shared school computer: the child picks their name and the same pictures.
		const schoolContext = await newContext(app.browser);
		const school = await schoolContext.newPage();
		await school.goto(`${app.server.url}/ky/join`, { waitUntil: 'networkidle' });
		await school.locator('#join-code').fill(code);
		await school.getByRole('button', { name: message('ky', 'join_code_button') }).click();
		await school.getByRole('button', { name: 'Айбек' }).click();
		for (const picture of ['picture_horse', 'picture_sun', 'picture_yurt']) {
			await school.getByRole('button', { name: message('ky', picture), exact: true }).click();
		}
		await school.getByRole('button', { name: message('ky', 'join_submit') }).click();
		await expect.poll(() => school.getByTestId('join').getAttribute('data-step')).toBe('done');

		for (const context of [teacherContext, childContext, schoolContext]) await context.close();
	});
});
