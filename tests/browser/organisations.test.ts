import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_ORGANISATION, DEMO_PASSWORD } from '../../src/lib/server/services/demo-data.service';
import { kyrgyzstanDate } from '../../src/lib/utils/calendar-date';
import { message, newContext, signInOnPage, useAppInChromium, waitForOfflineReady, type TestLocale } from '../support/browser';

const PICTURE_KEYS = ['sun', 'moon', 'star', 'apple', 'horse', 'yurt', 'book', 'ball', 'tree'];

// Roles come from the demo data; pages are prerendered, so each goto waits for quiet before typing.
describe('administrators and teachers at work', () => {
	const app = useAppInChromium({ env: { TAZA_DEMO_DATA: '1' } });

	async function signedIn(login: string, password = DEMO_PASSWORD, options: Parameters<typeof newContext>[1] = {}): Promise<{ context: BrowserContext; page: Page }> {
		const context = await newContext(app.browser, options);
		const page = await context.newPage();
		await signInOnPage(page, app.server.url, login, password);
		return { context, page };
	}

	async function signInStatus(login: string, password: string): Promise<number> {
		const response = await fetch(`${app.server.url}/api/auth/sign-in`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ login, password })
		});
		await response.body?.cancel();
		return response.status;
	}

	it('an organisation administrator adds members by form and CSV, assigns a course, exports compliance, and resets a password', async () => {
		const { context, page } = await signedIn('demo.org.admin');
		await page.goto(`${app.server.url}/ru/organisations`, { waitUntil: 'networkidle' });
		await expect.poll(() => page.getByTestId('organisation-name').textContent()).toBe(DEMO_ORGANISATION.name);

		// One member by form: a new account, and a temporary password shown once.
		await page.locator('#member-name').fill('Асель Токтогулова');
		await page.locator('#member-login').fill('0555 123 456');
		await page.getByRole('button', { name: message('ru', 'members_add_button'), exact: true }).click();
		const firstPassword = (await page.getByTestId('temporary-password').textContent())!.trim();
		expect(firstPassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
		await expect.poll(() => page.getByTestId('members').locator('tbody tr').count()).toBe(2);

		// A CSV with a bad row: nothing is imported, and the line to fix is named.
		await page.getByTestId('import-file').setInputFiles({
			name: 'staff.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from('ФИО;Телефон\nБакыт Осмонов;0700 111 222\n;0700 111 333\n')
		});
		await expect.poll(() => page.getByTestId('import-problems').textContent()).toContain(message('ru', 'import_problem_name_missing'));
		expect(await page.getByTestId('import-problems').textContent()).toContain('3');
		expect(await page.getByTestId('import-confirm').count()).toBe(0);
		expect(await page.getByTestId('members').locator('tbody tr').count()).toBe(2);

		// The fixed file: checked, then imported on confirmation, with the passwords to hand out.
		await page.getByTestId('import-file').setInputFiles({
			name: 'staff-fixed.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from('ФИО;Телефон\nБакыт Осмонов;0700 111 222\nЧолпон Ташиева;0700 111 333\n')
		});
		await page.getByTestId('import-confirm').click();
		await expect.poll(() => page.getByTestId('import-done').isVisible()).toBe(true);
		await expect.poll(() => page.getByTestId('members').locator('tbody tr').count()).toBe(4);
		const passwordsDownload = page.waitForEvent('download');
		await page.getByRole('button', { name: message('ru', 'import_download_passwords') }).click();
		const passwordsCsv = readFileSync(await (await passwordsDownload).path(), 'utf8');
		expect(passwordsCsv).toContain('"Бакыт Осмонов";"+996700111222";"');

		// A second mandatory course, due in ten days.
		const dueOn = kyrgyzstanDate(new Date(Date.now() + 10 * 86_400_000));
		const prefix = `api-organisations-${DEMO_ORGANISATION.id}`;
		await page.locator(`#${prefix}-course`).selectOption('conflict-of-interest-practice');
		await page.locator(`#${prefix}-due`).fill(dueOn);
		await page.getByRole('button', { name: message('ru', 'assign_button') }).click();
		await expect.poll(() => page.getByTestId('assignments').locator('li').count()).toBe(2);

		// Compliance: every member against both courses, nobody has started; the CSV has the same rows.
		await expect.poll(() => page.getByTestId('progress-grid').locator('tbody tr').count()).toBe(4);
		expect(await page.getByTestId('progress-grid').locator('td[data-status="not-started"]').count()).toBe(8);
		const complianceDownload = page.waitForEvent('download');
		await page.getByRole('button', { name: message('ru', 'grid_download_csv') }).click();
		const complianceCsv = readFileSync(await (await complianceDownload).path(), 'utf8');
		expect(complianceCsv.split('\r\n').filter(Boolean)).toHaveLength(5);
		expect(complianceCsv).toContain(`"Асель Токтогулова";"+996555123456";"${message('ru', 'assignment_status_not_started')}"`);

		// The new member signs in with the temporary password, is asked to choose her own, and then sees what is
		// assigned, nearest deadline first.
		const member = await signedIn('0555123456', firstPassword);
		await expect.poll(() => member.page.getByRole('alert').first().textContent()).toBe(message('en', 'account_must_change_password'));
		await member.page.locator('#current-password').fill(firstPassword);
		await member.page.locator('#new-password').fill('aselдин-сырсөзү');
		await member.page.getByRole('button', { name: message('en', 'account_change_password_button') }).click();
		await expect.poll(() => member.page.getByTestId('account').getByRole('status').first().textContent()).toBe(message('en', 'account_password_changed'));
		await member.page.goto(`${app.server.url}/ru/courses`, { waitUntil: 'networkidle' });
		await expect.poll(() => member.page.getByTestId('assigned-to-you').locator('li').count()).toBe(2);
		expect(await member.page.getByTestId('assigned-to-you').textContent()).toContain(DEMO_ORGANISATION.name);

		// She forgot it: the administrator gives her a new one; the old one stops working, and so does her session.
		const row = page.getByTestId('members').locator('tr', { hasText: 'Асель Токтогулова' });
		await row.getByRole('button', { name: message('ru', 'members_reset_button') }).click();
		const secondPassword = (await page.getByTestId('temporary-password').textContent())!.trim();
		expect(secondPassword).not.toBe(firstPassword);
		expect(await signInStatus('+996555123456', 'aselдин-сырсөзү')).toBe(401);
		expect(await signInStatus('+996555123456', secondPassword)).toBe(200);
		await member.page.reload({ waitUntil: 'networkidle' });
		expect(await member.page.evaluate(async () => (await fetch('/api/auth/me')).status)).toBe(401);

		// Everything above is in the organisation's audit log.
		await page.reload({ waitUntil: 'networkidle' });
		const log = page.getByTestId('audit-log');
		await expect.poll(() => log.textContent()).toContain(message('ru', 'audit_action_members_imported'));
		expect(await log.textContent()).toContain(message('ru', 'audit_action_secret_reset'));
		expect(await log.textContent()).toContain(message('ru', 'audit_action_course_assigned'));

		await member.context.close();
		await context.close();
	});

	it('a teacher shows the class QR code, assigns a course, and gives a child new pictures that sign them in', async () => {
		const { context, page } = await signedIn('demo.teacher');
		await page.goto(`${app.server.url}/ky/classes`, { waitUntil: 'networkidle' });
		const qr = page.getByTestId('join-qr');
		await expect.poll(() => qr.locator('svg').count()).toBe(1);
		expect(await page.locator('figcaption').textContent()).toBe(`${app.server.url}/ky/join?code=MEKTP7`);

		// A child scans the QR code: the join page opens with the code in place; she joins with three pictures.
		const phone = await newContext(app.browser, { viewport: { width: 360, height: 640 } });
		const child = await phone.newPage();
		await child.goto(`${app.server.url}/ky/join?code=MEKTP7`, { waitUntil: 'networkidle' });
		expect(await child.locator('#join-code').inputValue()).toBe('MEKTP7');
		await child.getByRole('button', { name: message('ky', 'join_code_button') }).click();
		await child.getByRole('button', { name: message('ky', 'join_new_here') }).click();
		await child.locator('#join-name').fill('Айпери');
		await child.getByRole('button', { name: message('ky', 'join_code_button') }).click();
		for (const key of ['star', 'star', 'ball']) await child.getByRole('button', { name: message('ky', `picture_${key}`), exact: true }).click();
		await child.getByRole('button', { name: message('ky', 'join_submit') }).click();
		await expect.poll(() => child.getByTestId('join').getAttribute('data-step')).toBe('done');

		// The teacher assigns a course; the grid has a row per pupil and a column per course.
		await page.reload({ waitUntil: 'networkidle' });
		await page.locator('#api-classes-demo-class-course').selectOption('corruption-and-my-rights');
		await page.getByRole('button', { name: message('ky', 'assign_button') }).click();
		await expect.poll(() => page.getByTestId('assignments').locator('li').count()).toBe(2);
		await expect.poll(() => page.getByTestId('progress-grid').locator('tbody td').count()).toBe(4);

		// She forgot her pictures: the teacher gives her new ones, and they sign her in on the school computer.
		await page.getByTestId('roster').locator('li', { hasText: 'Айпери' }).getByRole('button').click();
		await expect.poll(() => page.getByTestId('reset-result').locator('li span').count()).toBe(3);
		const labels = await page.getByTestId('reset-result').locator('li span').allTextContents();
		const pictureKeyOf = (label: string) => PICTURE_KEYS.find((key) => message('ky', `picture_${key}`) === label)!;
		const school = await newContext(app.browser);
		const computer = await school.newPage();
		await computer.goto(`${app.server.url}/ky/join?code=MEKTP7`, { waitUntil: 'networkidle' });
		await computer.getByRole('button', { name: message('ky', 'join_code_button') }).click();
		await computer.getByRole('button', { name: 'Айпери' }).click();
		for (const label of labels) await computer.getByRole('button', { name: message('ky', `picture_${pictureKeyOf(label)}`), exact: true }).click();
		await computer.getByRole('button', { name: message('ky', 'join_submit') }).click();
		await expect.poll(() => computer.getByTestId('join').getAttribute('data-step')).toBe('done');

		for (const open of [phone, school, context]) await open.close();
	});

	it('a programme administrator finds a person, exports their data and erases it, and it shows in the log', async () => {
		const { context, page } = await signedIn('demo.admin');
		await page.goto(`${app.server.url}/en/admin`, { waitUntil: 'networkidle' });
		await expect.poll(() => page.getByTestId('admin').getAttribute('data-status')).toBe('ready');
		await page.locator('#people-query').fill('demo.trainer');
		await page.getByRole('button', { name: message('en', 'admin_search_button') }).click();
		const person = page.getByTestId('people').locator('li');
		await expect.poll(() => person.count()).toBe(1);

		const download = page.waitForEvent('download');
		await person.getByRole('button', { name: message('en', 'admin_export_button') }).click();
		const exported = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
		expect(exported.logins).toEqual([{ login: 'demo.trainer', kind: 'username' }]);
		// The programme's trainer role, and one per demo seminar they run.
		expect(exported.memberships).toContainEqual(expect.objectContaining({ role: 'trainer', scopeKind: 'programme' }));
		expect(exported.memberships.every((membership: { role: string }) => membership.role === 'trainer')).toBe(true);

		await person.getByRole('button', { name: message('en', 'admin_erase_button') }).click();
		await person.getByRole('button', { name: /^Yes, erase/ }).click();
		await expect.poll(() => page.getByTestId('people').locator('li').count()).toBe(0);
		expect(await signInStatus('demo.trainer', DEMO_PASSWORD)).toBe(401);

		await page.reload({ waitUntil: 'networkidle' });
		await expect.poll(() => page.getByTestId('audit-log').textContent()).toContain(message('en', 'audit_action_person_erased'));
		await context.close();
	});

	it.each(['organisations', 'admin', 'classes'] as const)('the %s page says it needs a connection when offline, instead of breaking', async (pageName) => {
		const locale: TestLocale = 'ky';
		const { context, page } = await signedIn('demo.admin');
		await page.goto(`${app.server.url}/${locale}/${pageName}`, { waitUntil: 'networkidle' });
		await waitForOfflineReady(page);
		await context.setOffline(true);
		await page.reload({ waitUntil: 'domcontentloaded' });
		await expect.poll(() => page.getByTestId(pageName).getAttribute('data-status')).toBe('offline');
		expect(await page.getByRole('alert').first().textContent()).toBe(message(locale, 'account_needs_connection'));
		await context.close();
	});
});
