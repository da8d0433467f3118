import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/lib/server/services/demo-data.service';
import { DEFAULT_COMPLETION_RULE } from '../../src/lib/training/completion';
import { message, newContext, signInOnPage, useAppInChromium, waitForOfflineReady } from '../support/browser';
import { readStore } from '../support/training-pages';

const PROGRAMME = 'teaching-integrity-interactively';
const SEMINAR = 'seminar-review-browser';

async function screenshots(page: Page, name: string): Promise<void> {
	mkdirSync('.tmp/screenshots', { recursive: true });
	for (const [size, width, height] of [
		['phone', 360, 640],
		['laptop', 1280, 800]
	] as const) {
		await page.setViewportSize({ width, height });
		await page.screenshot({ path: `.tmp/screenshots/${name}-${size}.png` });
		await page.screenshot({ path: `.tmp/screenshots/${name}-${size}-full.png`, fullPage: true });
	}
	await page.setViewportSize({ width: 360, height: 640 });
}

describe('the practical assignment, offline', () => {
	const app = useAppInChromium({ env: { TAZA_DEMO_DATA: '1' } });
	const sql = (query: string, ...params: unknown[]) => {
		const db = new Database(path.join(app.server.dataDir, 'taza.db'));
		try {
			return db.prepare(query).all(...params) as Record<string, unknown>[];
		} finally {
			db.close();
		}
	};
	const run = (query: string, ...params: unknown[]) => {
		const db = new Database(path.join(app.server.dataDir, 'taza.db'));
		try {
			db.prepare(query).run(...params);
		} finally {
			db.close();
		}
	};
	const personOf = (login: string) =>
		sql('select a.person_id as id from login_names l join accounts a on a.id = l.account_id where l.login = ?', login)[0]!.id as string;
	/** The lead's ingest of training events is built elsewhere: until it lands, the test moves a held event into `events` as it will. */
	const ingestHeld = (eventId: string) => {
		const held = sql('select body, pushed_by, received_at from held_events where event_id = ?', eventId)[0];
		if (!held) return;
		const event = JSON.parse(held.body as string) as { subject: { id: string }; type: string; at: string; deviceId: string; deviceSeq: number };
		run(
			"insert or ignore into events (id, subject_kind, subject_id, person_id, course_id, type, v, device_id, device_seq, at, received_at, pushed_by, body) values (?, 'learner', ?, ?, null, ?, 1, ?, ?, ?, ?, ?, ?)",
			eventId,
			event.subject.id,
			event.subject.id,
			event.type,
			event.deviceId,
			event.deviceSeq,
			event.at,
			held.received_at,
			held.pushed_by,
			held.body
		);
	};
	const serverHolds = (eventId: string) => sql('select id from events where id = ? union select event_id from held_events where event_id = ?', eventId, eventId).length === 1;

	it('is written and submitted with a photo offline; back online the photo uploads before the event; a trainer returns it offline with a comment', async () => {
		const context = await newContext(app.browser, { viewport: { width: 360, height: 640 } });
		const page = await context.newPage();
		const pageErrors: string[] = [];
		page.on('pageerror', (error) => pageErrors.push(error.message));
		await signInOnPage(page, app.server.url, 'demo.learner', DEMO_PASSWORD);
		await page.goto(`${app.server.url}/en/training/assignment`);
		await waitForOfflineReady(page);
		await expect.poll(() => page.getByTestId('participant-assignment').getAttribute('data-state'), { timeout: 20_000 }).toBe('ready');

		// No signal from here on; the page still opens from the device.
		await context.setOffline(true);
		await page.reload();
		await expect.poll(() => page.getByTestId('participant-assignment').getAttribute('data-state'), { timeout: 20_000 }).toBe('ready');
		expect(await page.getByTestId('participant-assignment').getAttribute('data-assignment')).toBe('none');

		// Submitting an empty assignment names what is missing.
		await page.getByRole('button', { name: message('en', 'assignment_submit'), exact: true }).click();
		await page.locator('#assignment-problems').waitFor();

		const fields = page.locator('[data-testid=participant-assignment] fieldset input:not([type=file]), [data-testid=participant-assignment] fieldset textarea');
		const count = await fields.count();
		expect(count).toBeGreaterThanOrEqual(15);
		for (let index = 0; index < count; index += 1) await fields.nth(index).fill(`Answer ${index + 1}: a lesson on gifts and bribes for year 7.`);

		// A photo the page generates, as a camera would hand one over.
		const png = Buffer.from(
			await page.evaluate(() => {
				const canvas = document.createElement('canvas');
				canvas.width = 2400;
				canvas.height = 1200;
				const context = canvas.getContext('2d')!;
				context.fillStyle = '#0d5c63';
				context.fillRect(0, 0, 2400, 1200);
				context.fillStyle = '#f2a541';
				context.fillRect(300, 300, 900, 600);
				return canvas.toDataURL('image/png').split(',')[1]!;
			}),
			'base64'
		);
		await page.getByTestId('assignment-photo-input').setInputFiles({ name: 'board.png', mimeType: 'image/png', buffer: png });
		await page.locator('[data-testid=assignment-photos] img').waitFor();

		// The draft survives a reload.
		await page.reload();
		await expect.poll(() => page.getByTestId('participant-assignment').getAttribute('data-state'), { timeout: 20_000 }).toBe('ready');
		await expect.poll(() => fields.first().inputValue()).toContain('Answer 1');
		await page.locator('[data-testid=assignment-photos] img').waitFor();
		await screenshots(page, 'assignment-draft');

		await page.getByRole('button', { name: message('en', 'assignment_submit'), exact: true }).click();
		await expect.poll(() => page.getByTestId('participant-assignment').getAttribute('data-assignment')).toBe('submitted');

		const photos = await readStore<{ sha256: string; contentType: string; bytes: number; uploadOwner?: string; uploadedAt: string | null }>(page, 'attachments');
		expect(photos).toHaveLength(1);
		const photo = photos[0]!;
		expect(photo).toMatchObject({ contentType: 'image/jpeg', uploadOwner: personOf('demo.learner'), uploadedAt: null });
		const events = await readStore<{ id: string; type: string; payload: { submissionId: string; attachments: string[] } }>(page, 'events');
		const submission = events.find((event) => event.type === 'assignment.submitted')!;
		expect(submission.payload.attachments).toEqual([photo.sha256]);
		expect(serverHolds(submission.id)).toBe(false);

		// Back online: the photo goes up (the server has all of it), and the event after it.
		const learnerToken = (await (await fetch(`${app.server.url}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'demo.learner', password: DEMO_PASSWORD }) })).json()) as { profileToken: string };
		const head = () => fetch(`${app.server.url}/api/attachments/${photo.sha256}`, { method: 'HEAD', headers: { authorization: `Bearer ${learnerToken.profileToken}` } });
		await context.setOffline(false);
		await page.evaluate("window.dispatchEvent(new Event('online'))");
		await expect.poll(async () => (await head()).headers.get('upload-offset'), { timeout: 30_000 }).toBe(String(photo.bytes));
		expect((await head()).headers.get('upload-length')).toBe(String(photo.bytes));
		await expect.poll(() => serverHolds(submission.id), { timeout: 30_000 }).toBe(true);
		await expect.poll(async () => (await readStore(page, 'outbox')).length, { timeout: 30_000 }).toBe(0);
		await expect.poll(async () => (await readStore<{ uploadedAt: string | null }>(page, 'attachments'))[0]!.uploadedAt).not.toBeNull();
		await screenshots(page, 'assignment-submitted');

		// A trainer of the learner's seminar reviews it: the list and photo are kept on their device, the decision made offline.
		ingestHeld(submission.id);
		const stamp = '2026-01-01T00:00:00Z';
		run(
			"insert into seminars (id, programme_id, region_code, centre, venue, starts_on, ends_on, capacity, completion_rule, check_in_key, created_by, created_at) values (?, ?, 'naryn', 'Нарын', 'Мектеп', '2026-05-04', '2026-05-06', 25, ?, 'k', 'x', ?)",
			SEMINAR,
			PROGRAMME,
			// A real rule: the server folds the trainer's review into the participant's training record under it.
			JSON.stringify(DEFAULT_COMPLETION_RULE),
			stamp
		);
		run("insert into memberships (id, person_id, role, scope_kind, scope_id, valid_from, created_at) values ('m-trainer', ?, 'trainer', 'seminar', ?, ?, ?)", personOf('demo.trainer'), SEMINAR, stamp, stamp);
		run("insert into memberships (id, person_id, role, scope_kind, scope_id, valid_from, created_at) values ('m-learner', ?, 'learner', 'seminar', ?, ?, ?)", personOf('demo.learner'), SEMINAR, stamp, stamp);

		const trainerContext = await newContext(app.browser, { viewport: { width: 360, height: 640 } });
		const trainer = await trainerContext.newPage();
		trainer.on('pageerror', (error) => pageErrors.push(error.message));
		await signInOnPage(trainer, app.server.url, 'demo.trainer', DEMO_PASSWORD);
		await trainer.goto(`${app.server.url}/en/training/seminars/review?id=${SEMINAR}`);
		await waitForOfflineReady(trainer);
		await expect.poll(() => trainer.getByTestId('assignment-review').getAttribute('data-state'), { timeout: 20_000 }).toBe('ready');
		const card = trainer.getByTestId('review-submission');
		await expect.poll(() => card.count()).toBe(1);
		await card.locator('img').waitFor();
		await expect.poll(async () => (await readStore(trainer, 'attachments')).length).toBe(1);
		await screenshots(trainer, 'assignment-review');

		// With no signal the review page opens straight from its address (one prerendered page serves every seminar),
		// with the list and the photo kept on the device.
		await trainerContext.setOffline(true);
		await trainer.reload();
		await expect.poll(() => trainer.getByTestId('assignment-review').getAttribute('data-state'), { timeout: 20_000 }).toBe('ready');
		await expect.poll(() => card.count()).toBe(1);
		await card.locator('img').waitFor();
		await card.getByRole('button', { name: message('en', 'assignment_review_return'), exact: true }).click();
		await card.getByText(message('en', 'assignment_review_comment_required')).waitFor();
		await card.locator('textarea').fill('Please give each step its minutes.');
		await card.getByRole('button', { name: message('en', 'assignment_review_return'), exact: true }).click();
		await expect.poll(() => card.getAttribute('data-verdict')).toBe('returned');
		const reviews = (await readStore<{ id: string; type: string; recordedBy?: string; subject: { id: string }; payload: { verdict: string; comment: string; submissionId: string } }>(trainer, 'events')).filter(
			(event) => event.type === 'assignment.reviewed'
		);
		expect(reviews).toHaveLength(1);
		expect(reviews[0]).toMatchObject({ recordedBy: personOf('demo.trainer'), subject: { id: personOf('demo.learner') }, payload: { verdict: 'returned', submissionId: submission.payload.submissionId } });
		await screenshots(trainer, 'assignment-review-returned');

		await trainerContext.setOffline(false);
		await trainer.evaluate("window.dispatchEvent(new Event('online'))");
		await expect.poll(() => serverHolds(reviews[0]!.id), { timeout: 30_000 }).toBe(true);

		// The participant's device learns of the return from the server and may submit again.
		ingestHeld(reviews[0]!.id);
		await page.reload();
		await expect.poll(() => page.getByTestId('participant-assignment').getAttribute('data-assignment'), { timeout: 20_000 }).toBe('returned');
		await expect.poll(() => page.getByTestId('assignment-comment').textContent()).toContain('Please give each step its minutes.');
		await screenshots(page, 'assignment-returned');
		expect(pageErrors).toEqual([]);
		await trainerContext.close();
		await context.close();
	});
});
