import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEMO_PASSWORD } from '../../src/lib/server/services/demo-data.service';
import { FIXTURE_REPORT, fixturePeople } from '../../src/lib/training/targets-report.fixture';
import type { TargetsReport } from '../../src/lib/training/targets-report';
import { kyrgyzstanDate } from '../../src/lib/utils/calendar-date';
import { findContrastFailures, findSmallTouchTargets } from '../support/accessibility';
import { message, newContext, signInOnPage, useAppInChromium, waitForOfflineReady } from '../support/browser';

/**
 * The programme endpoints answering from the fixture (counted by programme-figures.ts, as the server's figures are),
 * for what the demo data cannot show yet: teachers who completed, so that a region's figure links to names.
 */
async function stubTargetsApi(context: BrowserContext): Promise<void> {
	await context.route('**/api/programme/targets**', async (route) => {
		const url = new URL(route.request().url());
		if (url.pathname.endsWith('/people')) {
			const filter = Object.fromEntries(url.searchParams);
			return route.fulfill({ json: { people: fixturePeople(filter) } });
		}
		return route.fulfill({ json: FIXTURE_REPORT });
	});
}

/** The report as the signed-in administrator gets it from the API (the sign-in also set the page's cookie). */
async function reportFromApi(page: Page): Promise<TargetsReport> {
	return page.evaluate(async () => (await fetch('/api/programme/targets', { credentials: 'same-origin' })).json());
}

/** The teacher-training course's six sessions, in order. */
const SESSIONS = (parse(readFileSync('content/courses/teaching-integrity-interactively/course.yaml', 'utf8')) as { lessons: string[] }).lessons;

async function downloaded(page: Page, testId: string): Promise<string> {
	const download = page.waitForEvent('download');
	await page.getByTestId(testId).click();
	return readFileSync(await (await download).path(), 'utf8');
}

describe('the programme targets view', () => {
	const app = useAppInChromium({ env: { TAZA_DEMO_DATA: '1' } });

	it('shows the figures the server gives, lists a newly scheduled seminar, exports CSV, and keeps the last figures offline', async () => {
		const context = await newContext(app.browser, { viewport: { width: 1280, height: 800 } });
		const page = await context.newPage();
		await signInOnPage(page, app.server.url, 'demo.admin', DEMO_PASSWORD);

		// A seminar in Talas three weeks ahead, scheduled through the API: it is listed at once, not yet held.
		const day = (offset: number) => kyrgyzstanDate(new Date(Date.now() + offset * 86_400_000));
		const created = await page.evaluate(
			async (body) => (await fetch('/api/seminars', { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json(),
			{
				programmeId: 'teaching-integrity-interactively',
				regionCode: 'talas',
				centre: 'Talas',
				venue: 'Regional methodical centre',
				startsOn: day(21),
				endsOn: day(22),
				capacity: 25,
				sessions: SESSIONS.map((sessionId, index) => ({ sessionId, heldOn: day(index < 3 ? 21 : 22) })),
				trainerLogins: ['demo.trainer']
			}
		);
		expect(created).toEqual({ id: expect.any(String) });

		// From the administrator's desk to the targets.
		await page.goto(`${app.server.url}/en/admin`, { waitUntil: 'networkidle' });
		await page.getByTestId('targets-link').click();
		await page.waitForURL('**/en/admin/targets');
		await expect.poll(() => page.getByTestId('targets').getAttribute('data-status')).toBe('ready');

		const report = await reportFromApi(page);
		expect(await page.getByTestId('teachers-total').textContent()).toBe(String(report.figures.teachersTrained.total));
		expect(await page.getByTestId('target-teachers').textContent()).toContain(`/ ${report.targets.teachersTrained}`);
		expect(await page.getByTestId('seminars-total').textContent()).toBe(String(report.figures.seminarsHeld.total));
		expect(await page.getByTestId('target-seminars').textContent()).toContain(`/ ${report.targets.seminarsHeld}`);
		expect(await page.getByTestId('teachers-rural').textContent()).toContain(String(report.figures.teachersTrained.ruralSchools));
		expect(await page.getByTestId('teachers-unknown-school').textContent()).toContain(String(report.figures.teachersTrained.unknownSchools));
		for (const region of report.regions) {
			const row = page.getByTestId('targets-regions').locator(`tr[data-region="${region.code}"]`);
			expect(await row.locator('th').textContent()).toBe(region.name.en);
			expect((await row.locator('td').first().textContent())!.trim()).toBe(String(report.figures.teachersTrained.byRegion[region.code] ?? 0));
			expect((await row.locator('td').nth(1).textContent())!.trim()).toBe(String(report.figures.seminarsHeld.byRegion[region.code] ?? 0));
			expect((await row.locator('td').nth(2).textContent())!.trim()).toBe(String(report.seminars.filter((seminar) => seminar.regionCode === region.code).length));
		}
		expect(await page.getByTestId('targets-seminars').locator('tbody tr').count()).toBe(report.seminars.length);
		const talas = report.seminars.find((seminar) => seminar.regionCode === 'talas' && seminar.startsOn === day(21));
		expect(talas).toBeDefined();
		expect(await page.locator(`tr[data-seminar="${talas!.id}"]`).textContent()).toContain(message('en', 'targets_state_scheduled'));

		// CSV of the region table and of the seminar list, with the same figures.
		const regionsCsv = await downloaded(page, 'regions-csv');
		expect(regionsCsv.startsWith('\uFEFF')).toBe(true);
		expect(regionsCsv).toContain(`"Talas region","${report.figures.teachersTrained.byRegion.talas ?? 0}","${report.figures.seminarsHeld.byRegion.talas ?? 0}"`);
		expect(regionsCsv).toContain(`"${message('en', 'targets_total')}","${report.figures.teachersTrained.total}","${report.figures.seminarsHeld.total}","${report.seminars.length}"`);
		const seminarsCsv = await downloaded(page, 'seminars-csv');
		expect(seminarsCsv.trim().split('\r\n')).toHaveLength(report.seminars.length + 1);
		expect(seminarsCsv).toContain(`"${talas!.id}","Talas region","Talas"`);

		// Offline, the page opens from the service worker and shows the figures this profile last saw, saying so.
		await waitForOfflineReady(page);
		await context.setOffline(true);
		await page.reload();
		await expect.poll(() => page.getByTestId('targets').getAttribute('data-status')).toBe('ready');
		expect(await page.getByTestId('targets-saved').isVisible()).toBe(true);
		expect(await page.getByTestId('teachers-total').textContent()).toBe(String(report.figures.teachersTrained.total));
		await context.close();
	});

	it('follows a region to its held seminars and its people, and exports the people (figures from the fixture)', async () => {
		// The demo data has no completed teachers yet, so the links are followed over the fixture's figures.
		const context = await newContext(app.browser, { viewport: { width: 1280, height: 800 } });
		await stubTargetsApi(context);
		const page = await context.newPage();
		await signInOnPage(page, app.server.url, 'demo.admin', DEMO_PASSWORD);
		await page.goto(`${app.server.url}/en/admin/targets`, { waitUntil: 'networkidle' });
		await expect.poll(() => page.getByTestId('targets').getAttribute('data-status')).toBe('ready');
		const report = FIXTURE_REPORT;

		await page.locator('tr[data-region="naryn"]').getByTestId('region-seminars').click();
		await expect.poll(() => page.getByTestId('seminar-filter').textContent()).toContain('Naryn region');
		expect(await page.getByTestId('targets-seminars').locator('tbody tr').count()).toBe(report.figures.seminarsHeld.byRegion.naryn);
		await page.locator('tr[data-region="naryn"]').getByTestId('region-teachers').click();
		await page.waitForURL('**/en/admin/targets/people?region=naryn');
		await expect.poll(() => page.getByTestId('targets-people').getAttribute('data-status')).toBe('ready');
		const narynCount = report.figures.teachersTrained.byRegion.naryn!;
		expect(await page.getByTestId('people-list').locator('tbody tr').count()).toBe(narynCount);
		expect(await page.getByTestId('people-scope').textContent()).toBe('Naryn region');
		const peopleCsv = await downloaded(page, 'people-csv');
		const lines = peopleCsv.trim().split('\r\n');
		expect(lines).toHaveLength(narynCount + 1);
		expect(lines.slice(1).every((line) => line.includes('"Naryn region"'))).toBe(true);
		await context.close();
	});

	it.each([
		{ name: 'phone', width: 360, height: 640 },
		{ name: 'laptop', width: 1280, height: 800 }
	])('with figures, the targets page and a people list pass the accessibility checks on a $name', async (viewport) => {
		const context = await newContext(app.browser, { viewport });
		await stubTargetsApi(context);
		const page = await context.newPage();
		await signInOnPage(page, app.server.url, 'demo.admin', DEMO_PASSWORD);
		for (const path of ['/ky/admin/targets', '/ky/admin/targets?region=naryn&held=1', '/ru/admin/targets/people?region=naryn']) {
			await page.goto(`${app.server.url}${path}`, { waitUntil: 'networkidle' });
			await page.locator('[data-status="ready"]').waitFor();
			await page.locator('details.month-table summary').click().catch(() => {});
			expect(await findContrastFailures(page), path).toEqual([]);
			expect(await findSmallTouchTargets(page), path).toEqual([]);
			expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), `${path} scrolls sideways`).toBeLessThanOrEqual(0);
		}
		await context.close();
	});

	it('lets a trainer schedule a seminar, showing the problems next to their fields first', async () => {
		const context = await newContext(app.browser, { viewport: { width: 360, height: 640 } });
		const page = await context.newPage();
		await signInOnPage(page, app.server.url, 'demo.trainer', DEMO_PASSWORD);
		await page.goto(`${app.server.url}/en/training/seminars/new`, { waitUntil: 'networkidle' });
		await expect.poll(() => page.getByTestId('schedule-seminar').getAttribute('data-status')).toBe('ready');

		await page.locator('#centre').fill('N');
		await page.getByTestId('schedule-submit').click();
		expect(await page.getByTestId('problem-region').textContent()).toBe(message('en', 'schedule_problem_region_unknown'));
		expect(await page.getByTestId('problem-centre').textContent()).toBe(message('en', 'schedule_problem_centre_invalid'));
		expect(await page.getByTestId('problem-dates').textContent()).toBe(message('en', 'schedule_problem_dates_invalid'));
		expect(await page.locator('#region').getAttribute('aria-invalid')).toBe('true');

		// A valid seminar three weeks ahead: the six sessions spread over three days, two a day.
		const day = (offset: number) => kyrgyzstanDate(new Date(Date.now() + offset * 86_400_000));
		await page.locator('#region').selectOption('naryn');
		await page.locator('#centre').fill('Kochkor');
		await page.locator('#venue').fill('District education office, Orozbakov street');
		await page.locator('#starts-on').fill(day(21));
		await page.locator('#ends-on').fill(day(23));
		const days = await page.locator('.sessions select').evaluateAll((selects) => selects.map((select) => (select as HTMLSelectElement).value));
		expect(days).toEqual([day(21), day(21), day(22), day(22), day(23), day(23)]);
		await page.locator('#trainers').fill('nobody.here');
		await page.getByTestId('schedule-submit').click();
		await expect.poll(() => page.getByTestId('problem-trainers').textContent()).toContain('nobody.here');

		await page.locator('#trainers').fill('');
		await page.getByTestId('schedule-submit').click();
		await expect.poll(() => page.getByTestId('schedule-done').isVisible()).toBe(true);
		const seminars = await page.evaluate(async () => (await fetch('/api/seminars', { credentials: 'same-origin' })).json());
		expect(seminars.seminars).toEqual(expect.arrayContaining([expect.objectContaining({ regionCode: 'naryn', centre: 'Kochkor', startsOn: day(21), endsOn: day(23) })]));
		await context.close();
	});
});
