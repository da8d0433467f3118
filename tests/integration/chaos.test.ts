/**
 * Process-level chaos (issue #5): the real server as a child process behind a fault-injecting proxy, killed with
 * SIGKILL and restarted while three devices (the app's own sync code on fake-indexeddb) record and sync. It prints
 * events made, stored, duplicated and lost, and fails unless the last two are 0.
 *
 *   npm run test:chaos                          the large run (CHAOS_EVENTS=10000)
 *   CHAOS_EVENTS=500 CHAOS_SEED=7 npm run test:chaos
 */
import 'fake-indexeddb/auto';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CourseEvent } from '../../src/lib/progress/course-events';
import { foldCourseSummaries, type CourseSummary } from '../../src/lib/progress/course-summary';
import { guestProfile, TazaLocalDatabase, type ProfileRow } from '../../src/lib/storage/database';
import { createProgressRepo } from '../../src/lib/storage/progress.repo';
import { createSyncStateRepo } from '../../src/lib/storage/sync-state.repo';
import { syncOnce } from '../../src/lib/sync/sync-run';
import { createHttpTransport } from '../../src/lib/sync/transport';
import { uuidV7Generator } from '../../src/lib/utils/ids';
import { seededRandom } from '../../src/lib/utils/seeded-random';
import { startChaosProxy, type ChaosProxy } from '../support/chaos-proxy';
import { startServer, type RunningServer } from '../support/server';

const EVENTS = Number(process.env.CHAOS_EVENTS ?? 240);
const SEED = Number(process.env.CHAOS_SEED ?? Date.now() % 1_000_000);
const KILLS = Math.max(3, Number(process.env.CHAOS_KILLS ?? 3));
const COURSES = ['honest-choices', 'corruption-and-my-rights', 'conflict-of-interest-practice'];

interface ChaosDevice {
	name: string;
	db: TazaLocalDatabase;
	profile: ProfileRow;
	recorded: string[];
}

describe('sync under process-level chaos', () => {
	const dataDir = mkdtempSync(path.join(tmpdir(), 'taza-chaos-'));
	let server: RunningServer | undefined;
	let proxy: ChaosProxy | undefined;
	const devices: ChaosDevice[] = [];

	afterAll(async () => {
		await proxy?.close();
		await server?.stop();
		for (const device of devices) await device.db.delete();
		rmSync(dataDir, { recursive: true, force: true });
	});

	it(`loses nothing and stores nothing twice (${EVENTS} events, ${KILLS} kills, seed ${SEED})`, async () => {
		const random = seededRandom(SEED);
		server = await startServer({ dataDir, env: { TAZA_DEMO_DATA: '0' } });
		proxy = await startChaosProxy(SEED);
		proxy.setUpstream(server.url);

		// Two learners; the first uses a phone and a school computer, the second a phone: three devices.
		const signUp = async (login: string) => {
			const response = await fetch(`${server!.url}/api/auth/sign-up`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ login, password: 'chaos-password' })
			});
			expect(response.status).toBe(201);
			return (await response.json()) as { personId: string; profileToken: string };
		};
		const signIn = async (login: string) => {
			const response = await fetch(`${server!.url}/api/auth/sign-in`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ login, password: 'chaos-password' })
			});
			return (await response.json()) as { personId: string; profileToken: string };
		};
		const first = await signUp('chaos.first');
		const firstAgain = await signIn('chaos.first');
		const second = await signUp('chaos.second');
		for (const [name, account] of [
			['first-phone', first],
			['first-school', firstAgain],
			['second-phone', second]
		] as const) {
			const profile: ProfileRow = { ...guestProfile(account.personId, name, '2026-11-26T00:00:00Z'), kind: 'account', secret: 'password', token: account.profileToken };
			const db = new TazaLocalDatabase(`chaos-${name}-${SEED}`);
			await db.profiles.put(profile);
			devices.push({ name, db, profile, recorded: [] });
		}

		const transport = createHttpTransport({ baseUrl: proxy.url, timeoutMs: 4_000 });
		const sync = (device: ChaosDevice) =>
			syncOnce({
				profiles: () => device.db.profiles.toArray(),
				state: createSyncStateRepo(device.db),
				transport,
				deviceId: device.name,
				now: () => new Date(),
				dropToken: async () => {
					throw new Error(`the server refused ${device.name}'s valid token`);
				}
			});

		let kills = 0;
		const killAt = new Set(Array.from({ length: KILLS }, (_, index) => Math.floor(((index + 1) * EVENTS) / (KILLS + 1))));
		const restart = async () => {
			server!.process.kill('SIGKILL');
			await new Promise((resolve) => server!.process.once('exit', resolve));
			kills += 1;
			server = await startServer({ dataDir, env: { TAZA_DEMO_DATA: '0' } });
			proxy!.setUpstream(server.url);
		};

		const newIds = new Map(devices.map((device) => [device.name, uuidV7Generator(() => Date.now(), (length) => crypto.getRandomValues(new Uint8Array(length)))]));
		for (let made = 0; made < EVENTS; made += 1) {
			const device = devices[Math.floor(random() * devices.length)]!;
			const repo = createProgressRepo(device.db, { deviceId: device.name, newId: newIds.get(device.name)!, now: () => new Date() });
			const courseId = COURSES[Math.floor(random() * COURSES.length)]!;
			const lessonId = `lesson-${1 + Math.floor(random() * 4)}`;
			const subject = { kind: 'learner' as const, id: device.profile.id };
			const roll = random();
			const event =
				roll < 0.4
					? await repo.record(subject, { type: 'lesson.progressed', payload: { courseId, courseVersion: 'abcdef12', lessonId, lessonVersion: 'abcdef12', blockId: `block-${made % 7}`, blockIndex: made % 7 } })
					: roll < 0.8
						? await repo.record(subject, {
								type: 'question.answered',
								payload: { courseId, lessonId, lessonVersion: 'abcdef12', questionId: `q-${made % 11}`, answer: { kind: 'true-false', value: roll < 0.6 }, correct: roll < 0.6 }
							})
						: await repo.record(subject, { type: 'lesson.completed', payload: { courseId, lessonId, lessonVersion: 'abcdef12' } });
			device.recorded.push(event.id);
			if (random() < 0.15) await sync(device);
			if (killAt.has(made)) await restart();
		}
		while (kills < KILLS) await restart();

		// Heal: the faults go on, but every device keeps syncing until a round in which every pass ends cleanly with
		// nothing left to push — so each device's last pull came after every other device's last push.
		for (let round = 0; round < 400; round += 1) {
			const results = await Promise.all(devices.map((device) => sync(device)));
			const waiting = await Promise.all(devices.map((device) => device.db.outbox.count()));
			if (results.every((result) => result.outcome === 'done' && result.pushed === 0) && waiting.every((count) => count === 0)) break;
		}

		const db = new Database(path.join(dataDir, 'taza.db'), { readonly: true });
		try {
			const made = devices.flatMap((device) => device.recorded);
			const storedIds = db.prepare('select id from events').pluck().all() as string[];
			const distinct = new Set(storedIds);
			const lost = made.filter((id) => !distinct.has(id)).length;
			const duplicated = storedIds.length - distinct.size;
			console.log(
				`chaos: events made ${made.length}, stored ${storedIds.length}, duplicated ${duplicated}, lost ${lost}; server killed ${kills} times; proxy ${JSON.stringify(proxy.counts)}; seed ${SEED}`
			);
			expect(kills).toBeGreaterThanOrEqual(3);
			expect(lost).toBe(0);
			expect(duplicated).toBe(0);
			expect(distinct.size).toBe(made.length);

			// Summaries are the fold of the stored events, and every device shows exactly that for its learner.
			const stored = (db.prepare('select body from events').pluck().all() as string[]).map((body) => JSON.parse(body) as CourseEvent);
			const summaries = (db.prepare('select summary from course_summaries order by person_id, course_id').pluck().all() as string[]).map((summary) => JSON.parse(summary) as CourseSummary);
			expect(summaries).toEqual(foldCourseSummaries(stored));
			for (const device of devices) {
				const onDevice = (await device.db.summaries.where('subjectId').equals(device.profile.id).toArray()).sort((a, b) => a.courseId.localeCompare(b.courseId));
				expect(onDevice).toEqual(summaries.filter((summary) => summary.subjectId === device.profile.id));
			}
		} finally {
			db.close();
		}
	}, 1_800_000);
});
