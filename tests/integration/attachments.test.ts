import Database from 'better-sqlite3';
import { createHash, randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/lib/server/services/demo-data.service';
import { startServer, type RunningServer } from '../support/server';

const PROGRAMME = 'teaching-integrity-interactively';
const SEMINAR = 'seminar-attachments';

/** A photo-sized payload whose bytes are not all alike, so a wrong chunk changes the hash. */
const photo = (size: number, seed: number) => new Uint8Array(Array.from({ length: size }, (_, index) => (index * 31 + seed) % 256));
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('assignment photos as attachments, and submissions for review', () => {
	let server: RunningServer;
	const tokens: Record<string, string> = {};
	const people: Record<string, string> = {};
	const database = () => new Database(path.join(server.dataDir, 'taza.db'));
	const stored = () => readdirSync(path.join(server.dataDir, 'attachments')).sort();

	async function signUp(login: string, displayName: string): Promise<void> {
		const up = await fetch(`${server.url}/api/auth/sign-up`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password: DEMO_PASSWORD, displayName }) });
		expect(up.status).toBe(201);
		await signIn(login);
	}

	async function signIn(login: string): Promise<void> {
		const response = await fetch(`${server.url}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password: DEMO_PASSWORD }) });
		expect(response.status).toBe(200);
		const body = (await response.json()) as { profileToken: string; personId?: string };
		tokens[login] = body.profileToken;
		const db = database();
		try {
			people[login] = db.prepare('select a.person_id from login_names l join accounts a on a.id = l.account_id where l.login = ?').pluck().get(login) as string;
		} finally {
			db.close();
		}
	}

	const as = (login: string) => ({ authorization: `Bearer ${tokens[login]}` });
	const head = (login: string, hash: string) => fetch(`${server.url}/api/attachments/${hash}`, { method: 'HEAD', headers: as(login) });
	const patch = (login: string, hash: string, body: Uint8Array, offset: number, length: number, type = 'image/jpeg') =>
		fetch(`${server.url}/api/attachments/${hash}`, {
			method: 'PATCH',
			headers: { ...as(login), 'content-type': type, 'upload-offset': String(offset), 'upload-length': String(length) },
			body: new Uint8Array(body)
		});
	const get = (login: string, hash: string) => fetch(`${server.url}/api/attachments/${hash}`, { headers: as(login) });

	function insertMembership(personId: string, role: string, scopeKind: string, scopeId: string): void {
		const db = database();
		try {
			db.prepare("insert into memberships (id, person_id, role, scope_kind, scope_id, valid_from, created_at) values (?, ?, ?, ?, ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')").run(
				randomUUID(),
				personId,
				role,
				scopeKind,
				scopeId
			);
		} finally {
			db.close();
		}
	}

	/** As the lead's ingest stores a training event: the body as sent, `person_id` resolved. */
	function insertEvent(event: { id: string; subjectId: string; type: string; at: string; recordedBy?: string; payload: unknown }): void {
		const body = JSON.stringify({ id: event.id, subject: { kind: 'learner', id: event.subjectId }, ...(event.recordedBy ? { recordedBy: event.recordedBy } : {}), deviceId: 'd', deviceSeq: 1, type: event.type, v: 1, at: event.at, payload: event.payload });
		const db = database();
		try {
			db.prepare(
				"insert into events (id, subject_kind, subject_id, person_id, course_id, type, v, device_id, device_seq, at, received_at, pushed_by, body) values (?, 'learner', ?, ?, null, ?, 1, 'd', 1, ?, ?, ?, ?)"
			).run(event.id, event.subjectId, event.subjectId, event.type, event.at, event.at, event.recordedBy ?? event.subjectId, body);
		} finally {
			db.close();
		}
	}

	beforeAll(async () => {
		server = await startServer({ env: { TAZA_DEMO_DATA: '1' } });
		await signUp('aida.participant', 'Айда Токтосунова');
		await signUp('bakyt.participant', 'Бакыт Осмонов');
		await signUp('stranger.person', 'Бейтаалай');
		await signUp('trainer.of.seminar', 'Тренер');
		await signUp('trainer.elsewhere', 'Башка тренер');
		await signIn('demo.admin');
		const db = database();
		try {
			db.prepare(
				"insert into seminars (id, programme_id, region_code, centre, venue, starts_on, ends_on, capacity, completion_rule, check_in_key, created_by, created_at) values (?, ?, 'osh', 'Ош', 'Мектеп №1', '2026-05-04', '2026-05-06', 25, '{}', 'key', 'x', '2026-04-01T00:00:00Z')"
			).run(SEMINAR, PROGRAMME);
		} finally {
			db.close();
		}
		insertMembership(people['trainer.of.seminar']!, 'trainer', 'seminar', SEMINAR);
		insertMembership(people['trainer.elsewhere']!, 'trainer', 'seminar', 'another-seminar');
	});

	afterAll(async () => {
		await server?.stop();
	});

	const bytes = photo(300_000, 1);
	const hash = sha256(bytes);

	it('resumes after a chunk is cut off, from the offset the server holds', async () => {
		expect((await head('aida.participant', hash)).status).toBe(404);
		const first = await patch('aida.participant', hash, bytes.subarray(0, 100_000), 0, bytes.length);
		expect(first.status).toBe(204);
		expect(first.headers.get('upload-offset')).toBe('100000');

		// The link drops in the middle of the second chunk: the request promised 100,000 bytes and sent 40,000.
		await new Promise<void>((resolve) => {
			const cut = httpRequest(`${server.url}/api/attachments/${hash}`, {
				method: 'PATCH',
				headers: { ...as('aida.participant'), 'content-type': 'image/jpeg', 'upload-offset': '100000', 'upload-length': String(bytes.length), 'content-length': '100000' }
			});
			cut.on('error', () => resolve());
			cut.on('close', () => resolve());
			cut.write(bytes.subarray(100_000, 140_000), () => setTimeout(() => cut.destroy(), 100));
		});
		const after = await head('aida.participant', hash);
		expect(after.status).toBe(200);
		expect(after.headers.get('upload-length')).toBe(String(bytes.length));
		const offset = Number(after.headers.get('upload-offset'));
		expect(offset).toBe(100_000);

		const rest = await patch('aida.participant', hash, bytes.subarray(offset), offset, bytes.length);
		expect(rest.status).toBe(204);
		expect(rest.headers.get('upload-offset')).toBe(String(bytes.length));
		const done = await head('aida.participant', hash);
		expect(done.headers.get('upload-offset')).toBe(String(bytes.length));
		expect(stored()).toEqual([hash]);

		const back = await get('aida.participant', hash);
		expect(back.status).toBe(200);
		expect(back.headers.get('content-type')).toBe('image/jpeg');
		expect(new Uint8Array(await back.arrayBuffer())).toEqual(bytes);
	});

	it('answers 409 to a chunk at an offset that is not the server’s', async () => {
		const other = photo(50_000, 2);
		const otherHash = sha256(other);
		expect((await patch('bakyt.participant', otherHash, other.subarray(0, 20_000), 0, other.length)).status).toBe(204);
		const wrong = await patch('bakyt.participant', otherHash, other.subarray(30_000), 30_000, other.length);
		expect(wrong.status).toBe(409);
		expect(((await wrong.json()) as { error: string }).error).toBe('offset-mismatch');
		expect((await head('bakyt.participant', otherHash)).headers.get('upload-offset')).toBe('20000');
		expect((await patch('bakyt.participant', otherHash, other.subarray(20_000), 20_000, other.length)).status).toBe(204);
	});

	it('refuses a finished upload whose bytes are not its hash, and keeps nothing of it', async () => {
		const before = stored();
		const liar = photo(10_000, 3);
		const claimed = sha256(photo(10_000, 4));
		const response = await patch('aida.participant', claimed, liar, 0, liar.length);
		expect(response.status).toBe(422);
		expect(((await response.json()) as { error: string }).error).toBe('hash-mismatch');
		expect((await head('aida.participant', claimed)).status).toBe(404);
		expect(stored()).toEqual(before);
	});

	it('takes the same photo twice without storing it twice, from the same person or another', async () => {
		const before = stored();
		const again = await patch('aida.participant', hash, bytes.subarray(0, 100_000), 0, bytes.length);
		expect(again.status).toBe(204);
		expect(again.headers.get('upload-offset')).toBe(String(bytes.length));
		const fromBakyt = await patch('bakyt.participant', hash, bytes.subarray(0, 100_000), 0, bytes.length);
		expect(fromBakyt.status).toBe(204);
		expect(stored()).toEqual(before);
		expect((await get('bakyt.participant', hash)).status).toBe(200);
	});

	it('takes photos only, within 2 MiB', async () => {
		const small = photo(100, 5);
		expect((await patch('aida.participant', sha256(small), small, 0, small.length, 'text/html')).status).toBe(415);
		expect((await patch('aida.participant', sha256(small), small, 0, 3 * 1024 * 1024)).status).toBe(413);
		expect((await fetch(`${server.url}/api/attachments/${hash}`, { method: 'HEAD' })).status).toBe(401);
	});

	it('shows a photo to its owner, their seminar’s trainer and a programme administrator only', async () => {
		expect((await get('stranger.person', hash)).status).toBe(404);
		expect((await get('trainer.of.seminar', hash)).status).toBe(404);
		// Aida joins the seminar and submits an assignment naming the photo.
		insertMembership(people['aida.participant']!, 'learner', 'seminar', SEMINAR);
		expect((await get('trainer.of.seminar', hash)).status).toBe(200);
		expect((await get('trainer.elsewhere', hash)).status).toBe(404);
		expect((await get('stranger.person', hash)).status).toBe(404);
		expect((await get('demo.admin', hash)).status).toBe(200);
		expect((await fetch(`${server.url}/api/attachments/${hash}`)).status).toBe(401);
	});

	it('lists each participant’s latest submission with its latest review, for the seminar’s trainers', async () => {
		const aida = people['aida.participant']!;
		const trainer = people['trainer.of.seminar']!;
		const payload = (submissionId: string, lessonPlan: string) => ({ programmeId: PROGRAMME, submissionId, lessonPlan, reflection: 'Балдар катышты', attachments: [hash] });
		const first = '01960000-0000-7000-8000-000000000001';
		const second = '01960000-0000-7000-8000-000000000002';
		insertEvent({ id: '01960000-0000-7000-8000-0000000000a1', subjectId: aida, type: 'assignment.submitted', at: '2026-05-05T09:00:00.000Z', payload: payload(first, 'Биринчи план') });
		insertEvent({
			id: '01960000-0000-7000-8000-0000000000a2',
			subjectId: aida,
			recordedBy: trainer,
			type: 'assignment.reviewed',
			at: '2026-05-05T12:00:00.000Z',
			payload: { programmeId: PROGRAMME, submissionId: first, verdict: 'returned', comment: 'Убакытты так жазыңыз' }
		});
		insertEvent({ id: '01960000-0000-7000-8000-0000000000a3', subjectId: aida, type: 'assignment.submitted', at: '2026-05-06T09:00:00.000Z', payload: payload(second, 'Экинчи план') });
		// Someone outside the seminar: never listed.
		insertEvent({ id: '01960000-0000-7000-8000-0000000000a4', subjectId: people['stranger.person']!, type: 'assignment.submitted', at: '2026-05-06T09:00:00.000Z', payload: payload('01960000-0000-7000-8000-000000000009', 'x') });

		const response = await fetch(`${server.url}/api/seminars/${SEMINAR}/submissions`, { headers: as('trainer.of.seminar') });
		expect(response.status).toBe(200);
		const body = (await response.json()) as { programmeId: string; submissions: { personId: string; displayName: string; submissionId: string; lessonPlan: string; attachments: string[]; review: unknown }[] };
		expect(body.programmeId).toBe(PROGRAMME);
		expect(body.submissions).toHaveLength(1);
		expect(body.submissions[0]).toMatchObject({ personId: aida, displayName: 'Айда Токтосунова', submissionId: second, lessonPlan: 'Экинчи план', attachments: [hash], review: null });

		insertEvent({
			id: '01960000-0000-7000-8000-0000000000a5',
			subjectId: aida,
			recordedBy: trainer,
			type: 'assignment.reviewed',
			at: '2026-05-06T12:00:00.000Z',
			payload: { programmeId: PROGRAMME, submissionId: second, verdict: 'accepted', comment: '' }
		});
		const reviewed = (await (await fetch(`${server.url}/api/seminars/${SEMINAR}/submissions`, { headers: as('demo.admin') })).json()) as typeof body;
		expect(reviewed.submissions[0]!.review).toMatchObject({ verdict: 'accepted', reviewerId: trainer });

		expect((await fetch(`${server.url}/api/seminars/${SEMINAR}/submissions`, { headers: as('trainer.elsewhere') })).status).toBe(403);
		expect((await fetch(`${server.url}/api/seminars/${SEMINAR}/submissions`, { headers: as('aida.participant') })).status).toBe(403);
		expect((await fetch(`${server.url}/api/seminars/no-such-seminar/submissions`, { headers: as('demo.admin') })).status).toBe(404);

		const own = (await (await fetch(`${server.url}/api/me/submissions?programme=${PROGRAMME}`, { headers: as('aida.participant') })).json()) as { submission: { submissionId: string; review: { verdict: string } } };
		expect(own.submission).toMatchObject({ submissionId: second, review: { verdict: 'accepted' } });
		const none = (await (await fetch(`${server.url}/api/me/submissions?programme=${PROGRAMME}`, { headers: as('bakyt.participant') })).json()) as { submission: unknown };
		expect(none.submission).toBeNull();
	});
});
