import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/lib/server/services/demo-data.service';
import { encodeParticipantCode } from '../../src/lib/training/participant-code';
import { kyrgyzstanDate } from '../../src/lib/utils/calendar-date';
import { message, newContext, signInOnPage, useAppInChromium, waitForOfflineReady } from '../support/browser';
import { readStore, showToScanner } from '../support/training-pages';

const PROGRAMME = 'teaching-integrity-interactively';
const SCHOOLS_CSV = 'code;name;region;district;rural\nN-T01;Ат-Башы орто мектеби;naryn;Ат-Башы;yes\nN-T02;Нарын шаардык гимназиясы;naryn;Нарын;no\n';

interface StoredEvent {
	id: string;
	type: string;
	subject: { kind: string; id: string };
	recordedBy?: string;
	proof?: string;
	payload: { seminarId: string; sessionId: string; method: string };
}

describe('seminar check-in with no connection', () => {
	const app = useAppInChromium({ env: { TAZA_DEMO_DATA: '1' } });

	async function apiAs(login: string): Promise<{ personId: string; call: (method: string, path: string, body?: unknown) => Promise<Response> }> {
		const signIn = await fetch(`${app.server.url}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password: DEMO_PASSWORD }) });
		const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
		const { personId } = (await signIn.json()) as { personId: string };
		const call = (method: string, path: string, body?: unknown) =>
			fetch(`${app.server.url}${path}`, { method, headers: { 'content-type': 'application/json', cookie }, body: body === undefined ? undefined : JSON.stringify(body) });
		return { personId, call };
	}

	/** A programme administrator imports the region's schools and schedules a one-session seminar today, run by the demo trainer. */
	async function seedSeminar(): Promise<string> {
		const admin = await apiAs('demo.admin');
		expect((await admin.call('POST', '/api/schools/import', { csv: SCHOOLS_CSV, dryRun: false })).status).toBe(201);
		const today = kyrgyzstanDate(new Date());
		const scheduled = await admin.call('POST', '/api/seminars', {
			programmeId: PROGRAMME,
			regionCode: 'naryn',
			centre: 'Нарын',
			venue: 'Нарын облустук билим берүү борбору',
			startsOn: today,
			endsOn: today,
			capacity: 30,
			sessions: [{ sessionId: 'legal-basics', heldOn: today }],
			trainerLogins: ['demo.trainer']
		});
		expect(scheduled.status).toBe(201);
		return ((await scheduled.json()) as { id: string }).id;
	}

	const serverRows = <T>(query: string, ...params: unknown[]): T[] => {
		const db = new Database(path.join(app.server.dataDir, 'taza.db'), { readonly: true });
		try {
			return db.prepare(query).all(...params) as T[];
		} finally {
			db.close();
		}
	};

	async function signedIn(login: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
		const context = await newContext(app.browser, { viewport: { width: 360, height: 640 } });
		// The scanner reads frames the test hands it instead of the camera (src/lib/training/README.md).
		await context.addInitScript(() => localStorage.setItem('taza.test.scanner', 'on'));
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('pageerror', (error) => errors.push(error.message));
		await signInOnPage(page, app.server.url, login, DEMO_PASSWORD);
		await waitForOfflineReady(page);
		return { context, page, errors };
	}

	it('a trainer adds and ticks a teacher, scans another, and a third checks in by the session QR, all recorded for sync', async () => {
		const seminarId = await seedSeminar();
		// A teacher with an account of her own (not the demo teacher, who already completed the programme in Osh).
		const signedUp = await fetch(`${app.server.url}/api/auth/sign-up`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ login: 'teacher.aizada.checkin', password: DEMO_PASSWORD, displayName: 'Айзада Бекова' })
		});
		expect(signedUp.status).toBe(201);
		const existingTeacher = await apiAs('teacher.aizada.checkin');

		// Online: the trainer prepares the seminar for offline use.
		const trainer = await signedIn('demo.trainer');
		const trainerId = (await apiAs('demo.trainer')).personId;
		await trainer.page.goto(`${app.server.url}/en/training/seminars`, { waitUntil: 'networkidle' });
		const item = trainer.page.locator(`[data-testid="seminar-item"][data-seminar="${seminarId}"]`);
		await item.getByRole('button', { name: message('en', 'seminar_prepare'), exact: true }).click();
		await expect.poll(() => item.getAttribute('data-saved'), { timeout: 15_000 }).toBe('yes');

		// The participant opens the check-in page once with a connection.
		const participant = await signedIn('demo.learner');
		const participantId = (await apiAs('demo.learner')).personId;
		await participant.page.goto(`${app.server.url}/en/training/check-in`, { waitUntil: 'networkidle' });

		// The signal goes.
		await trainer.context.setOffline(true);
		await participant.context.setOffline(true);

		await item.getByRole('link', { name: message('en', 'seminar_open'), exact: true }).click();
		const desk = trainer.page.getByTestId('seminar-desk');
		await expect.poll(() => desk.getAttribute('data-state')).toBe('ready');

		// A teacher with no account, added on the spot with their school, then ticked.
		await trainer.page.locator('#teacher-name').fill('Чолпон Асанова');
		await trainer.page.locator('#teacher-school-search').fill('ат-башы');
		await trainer.page.locator('#teacher-school').selectOption('N-T01');
		await trainer.page.getByRole('button', { name: message('en', 'seminar_add_submit'), exact: true }).click();
		const provisionalRow = trainer.page.locator('[data-testid="roster-row"][data-provisional="yes"]');
		await expect.poll(() => provisionalRow.count()).toBe(1);
		const provisionalId = (await provisionalRow.getAttribute('data-person'))!;
		await provisionalRow.getByRole('checkbox', { name: 'Чолпон Асанова' }).check();
		await expect.poll(() => provisionalRow.getAttribute('data-present')).toBe('yes');

		// An existing teacher shows their code; the trainer scans it.
		await showToScanner(trainer.page, 'participant', encodeParticipantCode({ personId: existingTeacher.personId, displayName: 'Айзада Бекова' }));
		await expect.poll(() => trainer.page.getByTestId('desk-notice').getAttribute('data-kind')).toBe('added-and-recorded');
		const scannedRow = trainer.page.locator(`[data-testid="roster-row"][data-person="${existingTeacher.personId}"]`);
		expect(await scannedRow.getAttribute('data-present')).toBe('yes');

		// A third teacher scans the session QR on the trainer's screen in their own app.
		const token = (await trainer.page.getByTestId('session-qr').getAttribute('data-text'))!;
		expect(token.startsWith(`tz1.${seminarId}.legal-basics.`)).toBe(true);
		await showToScanner(participant.page, 'session', token);
		await expect.poll(() => participant.page.getByTestId('checkin-outcome').getAttribute('data-kind')).toBe('recorded');

		// On the trainer's device: two attendances recorded by the trainer, queued under the trainer's token, and two
		// registrations queued for the server (the provisional one with what the server needs to create the person).
		const trainerEvents = (await readStore<StoredEvent>(trainer.page, 'events')).filter((event) => event.type === 'seminar.attended');
		expect(trainerEvents.map((event) => [event.subject.id, event.recordedBy, event.payload.method, event.payload.seminarId, event.proof]).sort()).toEqual(
			[
				[provisionalId, trainerId, 'roster', seminarId, undefined],
				[existingTeacher.personId, trainerId, 'participant-qr', seminarId, undefined]
			].sort()
		);
		const trainerOutbox = await readStore<{ id: string; subjectId: string }>(trainer.page, 'outbox');
		for (const event of trainerEvents) expect(trainerOutbox).toContainEqual(expect.objectContaining({ id: event.id, subjectId: trainerId }));
		const registrations = await readStore<{ personId: string; trainerId: string; provisional: unknown; sentAt: string | null }>(trainer.page, 'seminarRegistrations');
		expect(registrations.map((row) => [row.personId, row.trainerId, row.provisional, row.sentAt]).sort()).toEqual(
			[
				[provisionalId, trainerId, { displayName: 'Чолпон Асанова', phone: null, schoolCode: 'N-T01' }, null],
				[existingTeacher.personId, trainerId, null, null]
			].sort()
		);

		// On the participant's device: their own attendance, with the session token as its proof.
		const participantEvents = (await readStore<StoredEvent>(participant.page, 'events')).filter((event) => event.type === 'seminar.attended');
		expect(participantEvents).toHaveLength(1);
		expect(participantEvents[0]).toMatchObject({ subject: { kind: 'learner', id: participantId }, proof: token, payload: { seminarId, sessionId: 'legal-basics', method: 'session-qr' } });
		expect(participantEvents[0]!.recordedBy).toBeUndefined();
		expect(await readStore(participant.page, 'outbox')).toContainEqual(expect.objectContaining({ id: participantEvents[0]!.id, subjectId: participantId }));

		// Signal again: the registrations go first, then the events; the server stores all three attendances, holds none.
		await trainer.context.setOffline(false);
		await participant.context.setOffline(false);
		for (const page of [trainer.page, participant.page]) await page.evaluate("window.dispatchEvent(new Event('online'))");
		await expect.poll(async () => (await readStore(trainer.page, 'outbox')).length, { timeout: 30_000 }).toBe(0);
		await expect.poll(async () => (await readStore(participant.page, 'outbox')).length, { timeout: 30_000 }).toBe(0);
		const sent = await readStore<{ sentAt: string | null }>(trainer.page, 'seminarRegistrations');
		expect(sent.every((row) => row.sentAt !== null)).toBe(true);
		const eventIds = [...trainerEvents, ...participantEvents].map((event) => event.id);
		const marks = eventIds.map(() => '?').join(',');
		expect(serverRows<{ id: string }>(`select id from events where id in (${marks})`, ...eventIds).map((row) => row.id).sort()).toEqual([...eventIds].sort());
		expect(serverRows(`select event_id, status, reason from held_events where event_id in (${marks})`, ...eventIds)).toEqual([]);
		const kit = (await (await (await apiAs('demo.admin')).call('GET', `/api/seminars/${seminarId}`)).json()) as { participants: { personId: string; provisional: boolean; attended: string[] }[] };
		expect(kit.participants.map((person) => [person.personId, person.provisional, person.attended]).sort()).toEqual(
			[
				[provisionalId, true, ['legal-basics']],
				[existingTeacher.personId, false, ['legal-basics']],
				[participantId, false, ['legal-basics']]
			].sort()
		);

		// Back on the seminar page, "Refresh from server" fetches the kit again: the roster now shows each participant's
		// completion as the server folded it (the one session attended; no test or assignment yet).
		const refresh = trainer.page.getByTestId('refresh-kit');
		await refresh.click();
		await expect.poll(() => trainer.page.getByTestId('participant-completion').count(), { timeout: 15_000 }).toBe(3);
		for (const person of [provisionalId, existingTeacher.personId, participantId]) {
			const completion = trainer.page.locator(`[data-testid="roster-row"][data-person="${person}"] [data-testid="participant-completion"]`);
			expect(await completion.getAttribute('data-complete')).toBe('no');
			expect(await completion.locator('[data-part="attendance"]').getAttribute('data-done')).toBe('yes');
			expect(await completion.locator('[data-part="test"]').getAttribute('data-done')).toBe('no');
		}
		expect(await trainer.page.getByTestId('issue-certificate').count()).toBe(0);

		// The teacher created on the spot gets an account of her own: a login and a temporary password to hand over.
		const giveAccount = trainer.page.locator(`[data-testid="roster-row"][data-person="${provisionalId}"] [data-testid="give-account"]`);
		await giveAccount.getByRole('button', { name: message('en', 'trainer_account_open'), exact: true }).click();
		await giveAccount.getByRole('textbox').fill('cholpon.asanova');
		await giveAccount.getByRole('button', { name: message('en', 'trainer_account_submit'), exact: true }).click();
		const temporaryPassword = (await giveAccount.getByTestId('temporary-password').textContent())!.trim();
		const firstSignIn = await fetch(`${app.server.url}/api/auth/sign-in`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ login: 'cholpon.asanova', password: temporaryPassword })
		});
		expect(firstSignIn.status).toBe(200);
		expect(await firstSignIn.json()).toMatchObject({ personId: provisionalId });

		expect([...trainer.errors, ...participant.errors]).toEqual([]);
		await trainer.context.close();
		await participant.context.close();
	});

	it("a trainer sees the demo seminar's completion, issues a certificate to a participant who completed, and reaches the review", async () => {
		const trainer = await signedIn('demo.trainer');
		const seminarId = 'demo-seminar-naryn';
		await trainer.page.goto(`${app.server.url}/en/training/seminars`, { waitUntil: 'networkidle' });
		const item = trainer.page.locator(`[data-testid="seminar-item"][data-seminar="${seminarId}"]`);
		await item.getByRole('button', { name: message('en', 'seminar_prepare'), exact: true }).click();
		await expect.poll(() => item.getAttribute('data-saved'), { timeout: 15_000 }).toBe('yes');
		await item.getByRole('link', { name: message('en', 'seminar_open'), exact: true }).click();
		await expect.poll(() => trainer.page.getByTestId('seminar-desk').getAttribute('data-state')).toBe('ready');

		// The demo seminar: 12 participants, 9 of whom the server counts complete.
		const completions = trainer.page.getByTestId('participant-completion');
		await expect.poll(() => completions.count()).toBe(12);
		await expect.poll(() => trainer.page.locator('[data-testid="participant-completion"][data-complete="yes"]').count()).toBe(9);
		const issueButtons = trainer.page.getByTestId('issue-certificate');
		expect(await issueButtons.count()).toBe(9);
		mkdirSync('.tmp/screenshots', { recursive: true });
		for (const [size, width, height] of [
			['phone', 360, 640],
			['laptop', 1280, 800]
		] as const) {
			await trainer.page.setViewportSize({ width, height });
			await trainer.page.evaluate(() => window.scrollTo(0, 0));
			await trainer.page.screenshot({ path: `.tmp/screenshots/seminar-completion-${size}-top.png` });
			await trainer.page.locator('[data-testid="roster-row"]').nth(2).evaluate((element) => element.scrollIntoView());
			await trainer.page.screenshot({ path: `.tmp/screenshots/seminar-completion-${size}.png` });
			await trainer.page.screenshot({ path: `.tmp/screenshots/seminar-completion-${size}-full.png`, fullPage: true });
		}
		await trainer.page.setViewportSize({ width: 360, height: 640 });

		// Issuing: a new certificate (201), with its id and a link to the check page.
		const row = trainer.page.locator('[data-testid="roster-row"]', { has: trainer.page.locator('[data-testid="participant-completion"][data-complete="yes"]') }).first();
		const personId = (await row.getAttribute('data-person'))!;
		await row.getByTestId('issue-certificate').click();
		const issued = row.getByTestId('certificate-issued');
		await issued.waitFor({ timeout: 15_000 });
		expect(await issued.textContent()).toContain(message('en', 'trainer_certificate_issued'));
		const certificateId = (await issued.getAttribute('data-certificate'))!;
		expect(serverRows<{ id: string; kind: string }>('select id, kind from certificates where person_id = ?', personId)).toEqual([{ id: certificateId, kind: 'training' }]);
		expect(await issued.getByRole('link').getAttribute('href')).toMatch(/^\/en\/verify#.+/);
		await trainer.page.screenshot({ path: '.tmp/screenshots/seminar-certificate-issued-phone.png' });

		// Asking again after a reload answers the same certificate (200), said as issued earlier.
		await trainer.page.reload();
		await expect.poll(() => trainer.page.getByTestId('seminar-desk').getAttribute('data-state')).toBe('ready');
		const again = trainer.page.locator(`[data-testid="roster-row"][data-person="${personId}"]`);
		await again.getByTestId('issue-certificate').click();
		await again.getByTestId('certificate-issued').waitFor({ timeout: 15_000 });
		expect(await again.getByTestId('certificate-issued').getAttribute('data-certificate')).toBe(certificateId);
		expect(await again.getByTestId('certificate-issued').textContent()).toContain(message('en', 'trainer_certificate_already'));

		// The review of the seminar's assignments is one link away, at an address that also opens offline.
		await trainer.page.getByRole('link', { name: new RegExp(`^${message('en', 'trainer_review_link')}`) }).click();
		await trainer.page.waitForURL(`**/en/training/seminars/review?id=${seminarId}`);
		await expect.poll(() => trainer.page.getByTestId('assignment-review').getAttribute('data-state'), { timeout: 20_000 }).toBe('ready');

		expect(trainer.errors).toEqual([]);
		await trainer.context.close();
	});
});
