// `npm run bench:sync`: what sync costs the server and the link (issue #5). Prints
//  1. ingest throughput: 1,000-event batches through the real sync service and repository, summary updates included,
//     into a SQLite file (WAL, synchronous=FULL, as openDatabase sets it) that already holds a million events;
//  2. bytes per event both ways: the gzip request a client sends and the server's answer, and what crossed the wire;
//  3. the time to sync 10,000 events through a simulated rural link (bench/rural-link.ts) to the built server;
//  4. server CPU time per 1,000 events, in process and over HTTP;
// each against its target, PASS or FAIL. It measures; it always exits 0.
// Quicker runs: BENCH_FIXTURE_EVENTS, BENCH_FIXTURE_LEARNERS, BENCH_INGEST_BATCHES, BENCH_RURAL_EVENTS,
// BENCH_RURAL_BATCH, BENCH_LINK_KBIT, BENCH_LINK_RTT_MS, BENCH_SKIP_HTTP=1; BENCH_KEEP=1 keeps the database.
import { execSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { MAX_PUSH_EVENTS, SYNC_PROTOCOL, type PushRequest, type PushResponse } from '../src/lib/progress/sync-protocol';
import { openDatabase } from '../src/lib/server/db/connection';
import { createMembershipsRepo } from '../src/lib/server/repos/memberships.repo';
import { createSyncRepo } from '../src/lib/server/repos/sync.repo';
import { createTrainingLookups } from '../src/lib/server/repos/training-records.repo';
import { createCourseFold } from '../src/lib/server/services/course-fold';
import { createSyncService } from '../src/lib/server/services/sync.service';
import { DEMO_PASSWORD } from '../src/lib/server/services/demo-data.service';
import { startServer } from '../tests/support/server';
import { startRuralLink } from './rural-link';
import { benchContent, learnerEvents } from './sync-events';
import { buildFixture } from './sync-fixture';

const setting = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const FIXTURE_EVENTS = setting('BENCH_FIXTURE_EVENTS', 1_000_000);
const FIXTURE_LEARNERS = setting('BENCH_FIXTURE_LEARNERS', 20_000);
const INGEST_BATCHES = setting('BENCH_INGEST_BATCHES', 100);
const WARM_UP_BATCHES = 5;
const RURAL_EVENTS = setting('BENCH_RURAL_EVENTS', 10_000);
// A client fills each push up to the protocol's limits (takeBatch with MAX_PUSH_EVENTS and MAX_PUSH_BYTES): on a link
// with a 400 ms round trip, fewer and larger requests win, and 1,000 realistic events are about 450 KB raw, 50 KB gzip.
const RURAL_BATCH = setting('BENCH_RURAL_BATCH', MAX_PUSH_EVENTS);
const LINK_KBIT = setting('BENCH_LINK_KBIT', 400);
const LINK_RTT_MS = setting('BENCH_LINK_RTT_MS', 400);

const TARGET_EVENTS_PER_SECOND = 50_000;
const TARGET_BYTES_PER_EVENT = 60;
const TARGET_RURAL_SECONDS = 20;

const root = path.resolve(import.meta.dirname, '..');
const number = (value: number, digits = 0) => value.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const verdicts: string[] = [];
const judge = (passed: boolean, text: string) => verdicts.push(`${passed ? 'PASS' : 'FAIL'}: ${text}`);
const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;
const pushRequest = (deviceId: string, events: unknown[]): PushRequest => ({ protocol: SYNC_PROTOCOL, deviceId, sentAt: new Date().toISOString(), events });

console.log(`bench:sync on ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), Node ${process.version}`);
const content = benchContent(root);
const fold = createCourseFold(content);
console.log(`Content: ${content.packs.map((pack) => pack.id).join(', ')}`);

// 1. Ingest into a database that already holds FIXTURE_EVENTS events.
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'taza-bench-sync-'));
const databaseFile = path.join(dataDir, 'taza.db');
const { sqlite, db } = openDatabase({ dataDir, databaseFile, migrationsDir: path.join(root, 'drizzle') });
{
	console.log(`\n1. Ingest`);
	const started = performance.now();
	const fixture = buildFixture(sqlite, { content, fold, learners: FIXTURE_LEARNERS, events: FIXTURE_EVENTS, now: Date.now() });
	const fixtureSeconds = (performance.now() - started) / 1000;
	const summaries = sqlite.prepare('select count(*) from course_summaries').pluck().get() as number;
	console.log(
		`  Fixture: ${number(fixture.events)} events of ${number(fixture.learners.length)} learners (${number(fixture.classes)} classes), ${number(summaries)} summaries, ` +
			`built with bulk SQL in ${number(fixtureSeconds, 1)} s; database ${number(statSync(databaseFile).size / 2 ** 20)} MiB`
	);

	const service = createSyncService({
		sync: createSyncRepo(sqlite),
		memberships: createMembershipsRepo(db),
		training: createTrainingLookups(sqlite),
		catalogue: content.catalogue,
		answerKeys: content.answerKeys,
		fingerprint: (body) => body.slice(0, 32),
		now: () => new Date()
	});
	// Each batch is one learner's next 1,000 events (a push carries one profile's events), parsed from JSON as the
	// route hands them over; learners already have summaries, which the batch updates.
	const pushes = fixture.learners.slice(0, WARM_UP_BATCHES + INGEST_BATCHES).map((learner) => ({
		session: { sessionId: 'bench', accountId: `account-${learner.personId}`, personId: learner.personId, kind: 'profile' as const },
		body: JSON.stringify(pushRequest(learner.deviceId, learner.stream.take(MAX_PUSH_EVENTS)))
	}));
	// Sizes and parsing are done before the clock starts: only push() is timed.
	const requestBytes = {
		raw: pushes.reduce((sum, push) => sum + push.body.length, 0),
		gzip: pushes.reduce((sum, push) => sum + gzipSync(push.body).length, 0),
		response: 0
	};
	const requests = pushes.map((push) => JSON.parse(push.body) as PushRequest);
	const latencies: number[] = [];
	let cpu = process.cpuUsage();
	let clock = performance.now();
	for (const [index, push] of pushes.entries()) {
		if (index === WARM_UP_BATCHES) {
			cpu = process.cpuUsage();
			clock = performance.now();
		}
		const before = performance.now();
		const result = await service.push(push.session, requests[index]!);
		if (index >= WARM_UP_BATCHES) latencies.push(performance.now() - before);
		if (!result.ok || result.value.exceptions.length > 0) throw new Error(`push ${index} was not stored whole: ${JSON.stringify(result).slice(0, 500)}`);
		requestBytes.response += JSON.stringify(result.value).length;
	}
	const seconds = (performance.now() - clock) / 1000;
	const cpuPerThousand = cpuMs(process.cpuUsage(cpu)) / INGEST_BATCHES;
	const events = INGEST_BATCHES * MAX_PUSH_EVENTS;
	const perSecond = events / seconds;
	console.log(
		`  ${number(events)} events in ${INGEST_BATCHES} batches of ${number(MAX_PUSH_EVENTS)} (after ${WARM_UP_BATCHES} warm-up batches): ${number(seconds, 2)} s, ` +
			`${number(perSecond)} events/s; per batch p50 ${number(percentile(latencies, 0.5), 1)} ms, p95 ${number(percentile(latencies, 0.95), 1)} ms`
	);
	console.log(`  CPU (this process): ${number(cpuPerThousand, 1)} ms per 1,000 events`);
	const sent = pushes.length * MAX_PUSH_EVENTS;
	console.log(
		`  Bodies: ${number(requestBytes.raw / sent, 1)} bytes/event as JSON, ${number(requestBytes.gzip / sent, 1)} gzip (zlib level 6, as CompressionStream), ` +
			`answer ${number(requestBytes.response / sent, 2)} bytes/event`
	);
	judge(perSecond >= TARGET_EVENTS_PER_SECOND, `ingest ${number(perSecond)} events/s into ${number(fixture.events)} stored events, synchronous=FULL (target ≥ ${number(TARGET_EVENTS_PER_SECOND)})`);
	verdicts.push(`info: ingest CPU ${number(cpuPerThousand, 1)} ms per 1,000 events in process`);
}
sqlite.close();
if (process.env.BENCH_KEEP === '1') console.log(`  Database kept in ${dataDir}`);
else rmSync(dataDir, { recursive: true, force: true });

// 2–4. Over HTTP, through the rural link, to the built server.
if (process.env.BENCH_SKIP_HTTP === '1') {
	console.log('\n2. HTTP skipped (BENCH_SKIP_HTTP=1)');
} else {
	ensureBuild();
	console.log(`\n2. Sync over a rural link (${LINK_KBIT} kbit/s each way, ${LINK_RTT_MS} ms round trip) to \`node build\``);
	const server = await startServer({ env: { TAZA_DEMO_DATA: '1' } });
	try {
		const signIn = await fetch(`${server.url}/api/auth/sign-in`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ login: 'demo.learner', password: DEMO_PASSWORD })
		});
		const { profileToken, personId } = (await signIn.json()) as { profileToken: string; personId: string };
		const deviceId = randomUUID();
		const events = learnerEvents({ content, personId, deviceId, startMs: Date.now() - 30 * 86_400_000 }).take(RURAL_EVENTS);
		const link = await startRuralLink({ targetPort: server.port, kbitPerSecond: LINK_KBIT, roundTripMs: LINK_RTT_MS });
		const cpuBefore = processCpuMs(server.process.pid!);
		const started = performance.now();
		let requests = 0;
		// One keep-alive connection, as a browser keeps to its origin, with the headers a phone's browser sends.
		const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
		const post = (route: string, body: Uint8Array | string, headers: Record<string, string> = {}) =>
			new Promise<unknown>((resolve, reject) => {
				requests += 1;
				const request = http.request(
					{
						host: '127.0.0.1',
						port: link.port,
						path: route,
						method: 'POST',
						agent,
						headers: {
							'content-type': 'application/json',
							accept: '*/*',
							'accept-encoding': 'gzip, deflate, br',
							'accept-language': 'ky-KG,ky;q=0.9,ru;q=0.8',
							'user-agent': 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
							authorization: `Bearer ${profileToken}`,
							'content-length': String(Buffer.byteLength(body)),
							...headers
						}
					},
					(response) => {
						const chunks: Buffer[] = [];
						response.on('data', (chunk: Buffer) => chunks.push(chunk));
						response.on('end', () => {
							// A browser decompresses a gzip answer (pulls are gzipped); the wire bytes were counted by the link.
							const raw = Buffer.concat(chunks);
							const text = (response.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
							if (response.statusCode !== 200) reject(new Error(`${route} answered ${response.statusCode}: ${text}`));
							else resolve(JSON.parse(text));
						});
					}
				);
				request.on('error', reject);
				request.end(body);
			});
		for (let from = 0; from < events.length; from += RURAL_BATCH) {
			const batch = events.slice(from, from + RURAL_BATCH);
			const body = gzipSync(JSON.stringify(pushRequest(deviceId, batch)));
			const answer = (await post('/api/sync/push', new Uint8Array(body), { 'content-encoding': 'gzip' })) as PushResponse;
			if (answer.acknowledged !== batch.length || answer.exceptions.length > 0) throw new Error(`push not stored whole: ${JSON.stringify(answer).slice(0, 300)}`);
		}
		const pushed = { seconds: (performance.now() - started) / 1000, up: link.bytes.up, down: link.bytes.down };
		// A sync ends with a pull of what changed (small: this learner's summaries).
		await post('/api/sync/pull', JSON.stringify({ protocol: SYNC_PROTOCOL, cursors: {} }));
		const seconds = (performance.now() - started) / 1000;
		const serverCpu = processCpuMs(server.process.pid!) - cpuBefore;
		const bytesPerEvent = (link.bytes.up + link.bytes.down) / events.length;
		console.log(`  ${number(events.length)} events of demo.learner in ${Math.ceil(events.length / RURAL_BATCH)} gzip pushes of up to ${number(RURAL_BATCH)}, then a pull: ${requests} requests on ${link.connections()} connection(s)`);
		console.log(`  Pushes ${number(pushed.seconds, 1)} s, with the pull ${number(seconds, 1)} s`);
		console.log(
			`  On the wire, HTTP headers included: up ${number(link.bytes.up / events.length, 1)} bytes/event, down ${number(link.bytes.down / events.length, 1)} ` +
				`(pushes alone: up ${number(pushed.up / events.length, 1)}, down ${number(pushed.down / events.length, 1)}); both ways ${number(bytesPerEvent, 1)} bytes/event`
		);
		console.log(`  Server CPU (its process, /proc): ${number(serverCpu)} ms in all, ${number(serverCpu / (events.length / 1000), 1)} ms per 1,000 events (HTTP, gunzip, JSON, checks, ingest)`);
		judge(bytesPerEvent <= TARGET_BYTES_PER_EVENT, `${number(bytesPerEvent, 1)} bytes per event on the wire both ways, gzip JSON (target ≤ ${TARGET_BYTES_PER_EVENT})`);
		judge(seconds <= TARGET_RURAL_SECONDS, `${number(events.length)} events synced in ${number(seconds, 1)} s over ${LINK_KBIT} kbit/s, ${LINK_RTT_MS} ms RTT (target ≤ ${TARGET_RURAL_SECONDS} s)`);
		verdicts.push(`info: server CPU ${number(serverCpu / (events.length / 1000), 1)} ms per 1,000 events over HTTP`);
		agent.destroy();
		await link.close();
	} finally {
		await server.stop();
	}
}

console.log(`\n${verdicts.join('\n')}`);
process.exitCode = 0;

/** CPU time (user + system) a process has used, from /proc; Linux only, like the servers this runs on. */
function processCpuMs(pid: number): number {
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
	const ticks = Number(fields[11]) + Number(fields[12]);
	return (ticks * 1000) / clockTicks();
}

function clockTicks(): number {
	try {
		return Number(execSync('getconf CLK_TCK', { encoding: 'utf8' }).trim()) || 100;
	} catch {
		return 100;
	}
}

/** Builds when build/ is missing or older than the sources, as `npm start` does, so the server measured is this code. */
function ensureBuild() {
	const inputs = ['src', 'messages', 'static', 'content', 'drizzle', 'svelte.config.js', 'vite.config.ts'];
	const newest = (entry: string): number => {
		if (!existsSync(entry)) return 0;
		const stats = statSync(entry);
		if (!stats.isDirectory()) return stats.mtimeMs;
		return Math.max(stats.mtimeMs, ...readdirSync(entry).filter((child) => child !== 'paraglide' && child !== 'packs').map((child) => newest(path.join(entry, child))));
	};
	const built = path.join(root, 'build/index.js');
	if (existsSync(built) && statSync(built).mtimeMs >= Math.max(...inputs.map((input) => newest(path.join(root, input))))) return;
	console.log('\nbuild/ is missing or older than the sources: building…');
	execSync('npx vite build --logLevel warn', { cwd: root, stdio: 'inherit', env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' } });
}
