// Issue #7's acceptance scenario: a seminar run with no signal, three teachers checked in three ways, both devices
// reconnecting, and the programme figure going up by exactly the number of distinct teachers who completed — not
// again on a re-sync, and not again when the teacher created on the spot is merged with their existing account.
import Database from 'better-sqlite3';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { answerKeysOf } from '../../src/lib/content/answer-keys';
import { compileAllContent } from '../../src/lib/content/content-files';
import { rightAnswer } from '../../src/lib/courses/answers';
import { drawQuiz } from '../../src/lib/courses/quiz';
import { SYNC_PROTOCOL } from '../../src/lib/progress/sync-protocol';
import { DEMO_PASSWORD } from '../../src/lib/server/services/demo-data.service';
import { encodeParticipantCode } from '../../src/lib/training/participant-code';
import { kyrgyzstanDate } from '../../src/lib/utils/calendar-date';
import { uuidV7Generator } from '../../src/lib/utils/ids';
import { message, newContext, signInOnPage, useAppInChromium, waitForOfflineReady } from '../support/browser';
import { readStore, showToScanner } from '../support/training-pages';

const PROGRAMME = 'teaching-integrity-interactively';
const SESSIONS = ['legal-basics', 'case-method', 'role-play', 'structured-debate', 'quests-in-class', 'ground-rules-and-assessment'];
/** Five of six sessions: the default rule's 80%. */
const ATTENDED = SESSIONS.slice(0, 5);
const SCHOOLS_CSV = 'code;name;region;district;rural\nTT-01;Кочкор орто мектеби;naryn;Кочкор;yes\nTT-02;Нарын шаардык гимназиясы;naryn;Нарын;no\n';
const ON_THE_SPOT = { name: 'Жылдыз Осмонова', phone: '+996 700 555 123' };

const newId = uuidV7Generator(Date.now, (length) => crypto.getRandomValues(new Uint8Array(length)));

describe('teacher training, offline at the seminar and counted once', () => {
	const app = useAppInChromium({ env: { TAZA_DEMO_DATA: '1' } });
	const answerKey = answerKeysOf(compileAllContent(path.resolve('.'), [PROGRAMME]).courses)[PROGRAMME]!;

	interface Caller {
		personId: string;
		call: (method: string, path: string, body?: unknown) => Promise<Response>;
		push: (events: unknown[]) => Promise<{ exceptions: { id: string; status: string; reason?: string }[] }>;
	}

	async function signIn(login: string): Promise<Caller> {
		const response = await fetch(`${app.server.url}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password: DEMO_PASSWORD }) });
		expect(response.status, login).toBe(200);
		const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
		const { personId, profileToken } = (await response.json()) as { personId: string; profileToken: string };
		const call = (method: string, route: string, body?: unknown) =>
			fetch(`${app.server.url}${route}`, { method, headers: { 'content-type': 'application/json', cookie }, body: body === undefined ? undefined : JSON.stringify(body) });
		// What a device sends: the profile's own token as the bearer.
		const push = async (events: unknown[]) => {
			const sent = await fetch(`${app.server.url}/api/sync/push`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', authorization: `Bearer ${profileToken}` },
				body: JSON.stringify({ protocol: SYNC_PROTOCOL, deviceId: `device-${login}`, sentAt: new Date().toISOString(), events })
			});
			expect(sent.status).toBe(200);
			return (await sent.json()) as { exceptions: { id: string; status: string; reason?: string }[] };
		};
		return { personId, call, push };
	}

	async function signUp(login: string, displayName: string): Promise<Caller> {
		const response = await fetch(`${app.server.url}/api/auth/sign-up`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password: DEMO_PASSWORD, displayName }) });
		expect(response.status, login).toBe(201);
		return signIn(login);
	}

	let seq = 0;
	const envelope = (subjectId: string, extra: Record<string, string> = {}) => ({ id: newId(), subject: { kind: 'learner', id: subjectId }, deviceId: 'device-setup', deviceSeq: ++seq, v: 1, at: new Date().toISOString(), ...extra });

	/** A final test taken honestly (every drawn question answered right; the server re-grades it) and an assignment. */
	function testAndAssignment(personId: string): { events: unknown[]; submissionId: string } {
		const seed = 1000 + seq;
		const questionIds = drawQuiz(answerKey.bank, answerKey.quiz!, seed);
		const answers = Object.fromEntries(questionIds.map((id) => [id, rightAnswer(answerKey.bank.find((question) => question.id === id)!)]));
		const submissionId = newId();
		return {
			submissionId,
			events: [
				{ ...envelope(personId), type: 'test.submitted', payload: { courseId: PROGRAMME, courseVersion: answerKey.version, attemptId: newId(), seed, questionIds, answers, scorePercent: 100, passed: true } },
				{ ...envelope(personId), type: 'assignment.submitted', payload: { programmeId: PROGRAMME, submissionId, lessonPlan: 'План урока: кейс «Подарок учителю».', reflection: 'Ученики спорили и пришли к правилам класса.', attachments: [] } }
			]
		};
	}

	async function openDevice(login: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
		const context = await newContext(app.browser, { viewport: { width: 360, height: 640 } });
		await context.addInitScript(() => localStorage.setItem('taza.test.scanner', 'on'));
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('pageerror', (error) => errors.push(error.message));
		await signInOnPage(page, app.server.url, login, DEMO_PASSWORD);
		await waitForOfflineReady(page);
		return { context, page, errors };
	}

	const serverRows = <T>(query: string, ...params: unknown[]): T[] => {
		const db = new Database(path.join(app.server.dataDir, 'taza.db'), { readonly: true });
		try {
			return db.prepare(query).all(...params) as T[];
		} finally {
			db.close();
		}
	};

	/** Wakes a device's sync loop and waits until its outbox is empty. */
	async function syncDevice(page: Page): Promise<void> {
		await page.evaluate("window.dispatchEvent(new Event('online'))");
		await expect.poll(async () => (await readStore(page, 'outbox')).length, { timeout: 30_000 }).toBe(0);
	}

	it('counts exactly the distinct teachers who completed, through a re-sync and a merge', async () => {
		const admin = await signIn('demo.admin');
		const trainer = await signIn('demo.trainer');
		const teachersTrained = async () => ((await (await admin.call('GET', '/api/programme/targets')).json()) as { figures: { teachersTrained: { total: number } } }).figures.teachersTrained.total;
		const before = await teachersTrained();

		// The programme imports schools and schedules a seminar today: six sessions, run by the demo trainer.
		expect((await admin.call('POST', '/api/schools/import', { csv: SCHOOLS_CSV, dryRun: false })).status).toBe(201);
		const today = kyrgyzstanDate(new Date());
		const scheduled = await admin.call('POST', '/api/seminars', {
			programmeId: PROGRAMME,
			regionCode: 'naryn',
			centre: 'Кочкор',
			venue: 'Кочкор районунун билим берүү бөлүмү',
			startsOn: today,
			endsOn: today,
			capacity: 25,
			sessions: SESSIONS.map((sessionId) => ({ sessionId, heldOn: today })),
			trainerLogins: ['demo.trainer']
		});
		expect(scheduled.status).toBe(201);
		const seminarId = ((await scheduled.json()) as { id: string }).id;

		// Three teachers with accounts have passed the final test and submitted their assignment; the trainer has
		// accepted each. Jyldyz's account has her phone as its login; at the seminar she will be created again on the spot.
		const scanned = await signUp('teacher.bakyt.tt', 'Бакыт Асанов');
		const selfCheckIn = await signUp('teacher.cholpon.tt', 'Чолпон Жумабаева');
		const jyldyz = await signUp(ON_THE_SPOT.phone, ON_THE_SPOT.name);
		for (const teacher of [scanned, selfCheckIn, jyldyz]) {
			const { events, submissionId } = testAndAssignment(teacher.personId);
			expect((await teacher.push(events)).exceptions).toEqual([]);
			const review = { ...envelope(teacher.personId, { recordedBy: trainer.personId }), type: 'assignment.reviewed', payload: { programmeId: PROGRAMME, submissionId, verdict: 'accepted', comment: 'Хороший кейс.' } };
			// None of them is in the trainer's seminar yet: the acceptance waits on the server until they are.
			expect((await trainer.push([review])).exceptions).toEqual([{ id: review.id, status: 'deferred', reason: 'the participant is not in a seminar of yours yet' }]);
		}
		expect(await teachersTrained()).toBe(before);

		// Online once: the trainer prepares the seminar for offline use; the third teacher opens her check-in page.
		const trainerDevice = await openDevice('demo.trainer');
		await trainerDevice.page.goto(`${app.server.url}/en/training/seminars`, { waitUntil: 'networkidle' });
		const item = trainerDevice.page.locator(`[data-testid="seminar-item"][data-seminar="${seminarId}"]`);
		await item.getByRole('button', { name: message('en', 'seminar_prepare'), exact: true }).click();
		await expect.poll(() => item.getAttribute('data-saved'), { timeout: 15_000 }).toBe('yes');
		const teacherDevice = await openDevice('teacher.cholpon.tt');
		await teacherDevice.page.goto(`${app.server.url}/en/training/check-in`, { waitUntil: 'networkidle' });

		// The seminar has no signal.
		await trainerDevice.context.setOffline(true);
		await teacherDevice.context.setOffline(true);
		await item.getByRole('link', { name: message('en', 'seminar_open'), exact: true }).click();
		const desk = trainerDevice.page.getByTestId('seminar-desk');
		await expect.poll(() => desk.getAttribute('data-state')).toBe('ready');

		// Jyldyz, created on the spot with her school and phone.
		await trainerDevice.page.locator('#teacher-name').fill(ON_THE_SPOT.name);
		await trainerDevice.page.locator('#teacher-phone').fill(ON_THE_SPOT.phone);
		await trainerDevice.page.locator('#teacher-school-search').fill('кочкор');
		await trainerDevice.page.locator('#teacher-school').selectOption('TT-01');
		await trainerDevice.page.getByRole('button', { name: message('en', 'seminar_add_submit'), exact: true }).click();
		const onTheSpotRow = trainerDevice.page.locator('[data-testid="roster-row"][data-provisional="yes"]');
		await expect.poll(() => onTheSpotRow.count()).toBe(1);
		const onTheSpotId = (await onTheSpotRow.getAttribute('data-person'))!;

		for (const sessionId of ATTENDED) {
			await trainerDevice.page.locator('#session').selectOption(sessionId);
			await expect.poll(() => onTheSpotRow.getAttribute('data-present')).toBe('no');
			// The roster tick.
			await onTheSpotRow.getByRole('checkbox', { name: ON_THE_SPOT.name }).check();
			await expect.poll(() => onTheSpotRow.getAttribute('data-present')).toBe('yes');
			// The trainer scans Bakyt's code.
			await showToScanner(trainerDevice.page, 'participant', encodeParticipantCode({ personId: scanned.personId, displayName: 'Бакыт Асанов' }));
			await expect.poll(() => trainerDevice.page.locator(`[data-testid="roster-row"][data-person="${scanned.personId}"]`).getAttribute('data-present')).toBe('yes');
			// Cholpon scans the session's code on the trainer's screen in her own app.
			const token = (await trainerDevice.page.getByTestId('session-qr').getAttribute('data-text'))!;
			expect(token.startsWith(`tz1.${seminarId}.${sessionId}.`)).toBe(true);
			await showToScanner(teacherDevice.page, 'session', token);
			await expect.poll(() => teacherDevice.page.getByTestId('checkin-outcome').getAttribute('data-kind')).toBe('recorded');
		}
		const attendanceOn = async (page: Page) => (await readStore<{ type: string }>(page, 'outbox')).length;
		expect(await attendanceOn(trainerDevice.page)).toBe(ATTENDED.length * 2);
		expect(await attendanceOn(teacherDevice.page)).toBe(ATTENDED.length);
		// Nothing has reached the server.
		expect(await teachersTrained()).toBe(before);

		// Both devices find signal and sync. The trainer's device syncs once more after the teacher's, so the reviews
		// waiting for a registration made by either device are settled whichever device was first.
		await trainerDevice.context.setOffline(false);
		await teacherDevice.context.setOffline(false);
		await syncDevice(trainerDevice.page);
		await syncDevice(teacherDevice.page);
		await syncDevice(trainerDevice.page);
		// Bakyt and Cholpon completed; Jyldyz's attendance is under the person created on the spot, her test and
		// assignment under her account: neither alone meets the rule yet.
		await expect.poll(teachersTrained, { timeout: 15_000 }).toBe(before + 2);
		expect(serverRows(`select status, reason from held_events where status = 'rejected'`)).toEqual([]);

		// Syncing again, from both devices, changes nothing.
		await syncDevice(trainerDevice.page);
		await syncDevice(teacherDevice.page);
		expect(await teachersTrained()).toBe(before + 2);

		// The programme administrator sees the possible duplicate (same phone) and merges the person created on the
		// spot into Jyldyz's account, on the admin page.
		const adminDevice = await openDevice('demo.admin');
		await adminDevice.page.goto(`${app.server.url}/en/admin`, { waitUntil: 'networkidle' });
		const flag = adminDevice.page.getByTestId('duplicate-flag').filter({ hasText: message('en', 'merge_reason_phone') });
		await expect.poll(() => flag.count(), { timeout: 15_000 }).toBe(1);
		await flag.getByRole('button', { name: /^Merge/ }).click();
		await expect.poll(() => adminDevice.page.getByTestId('recent-merge').count()).toBe(1);
		expect(serverRows<{ aliasId: string; personId: string }>(`select alias_id as aliasId, person_id as personId from person_aliases where reason = 'merged-by-admin'`)).toEqual([
			{ aliasId: onTheSpotId, personId: jyldyz.personId }
		]);

		// The trainer's next sync settles the acceptance that waited: Jyldyz is one person who completed.
		await syncDevice(trainerDevice.page);
		await expect.poll(teachersTrained, { timeout: 15_000 }).toBe(before + 3);
		// Everything sent again changes nothing; the merged person is counted once, under her account.
		await syncDevice(trainerDevice.page);
		await syncDevice(teacherDevice.page);
		expect(await teachersTrained()).toBe(before + 3);
		const people = ((await (await admin.call('GET', `/api/programme/targets/people?seminar=${seminarId}`)).json()) as { people: { personId: string }[] }).people;
		expect(people.map((person) => person.personId).sort()).toEqual([scanned.personId, selfCheckIn.personId, jyldyz.personId].sort());

		// The targets page shows the same figure.
		await adminDevice.page.goto(`${app.server.url}/en/admin/targets`, { waitUntil: 'networkidle' });
		await expect.poll(() => adminDevice.page.getByTestId('teachers-total').textContent()).toBe(String(before + 3));

		expect([...trainerDevice.errors, ...teacherDevice.errors, ...adminDevice.errors]).toEqual([]);
		for (const device of [trainerDevice, teacherDevice, adminDevice]) await device.context.close();
	});
});
