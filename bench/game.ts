// `npm run bench:game`: how heavy the quests and mini-games are, measured, never asserted in a test.
// 1. The quest engine in Node: random plays through the real xstate machine per quest (plays/s, events and decisions
//    per play, saved-snapshot bytes) and the build's walk of every path (ms, paths).
// 2. Bytes: each quest pack and the deferred game chunks (Phaser, mini-game data), gzip and brotli.
// 3. A cheap phone: the built app in headless Chromium at 360×640 with the CPU slowed 4× (CDP), as a 2 GB Android
//    phone roughly is: time until a quest and a mini-game show their first frame, frame times while idle-animating,
//    and the JS heap in use.
// BENCH_PLAYS sets the plays per quest (2000); BENCH_CPU_SLOWDOWN the throttling (4); BENCH_SKIP_BROWSER=1 skips part 3.
// Targets (PASS/FAIL printed beside each figure): a quest pack ≤ 40 KiB brotli; Phaser ≤ 300 KiB brotli; on the slowed
// phone a first frame within 5 s, the main thread free enough for a frame every 50 ms (p95), and ≤ 64 MiB of JS heap.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { execSync } from 'node:child_process';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { createActor } from 'xstate';
import { compileAllContent } from '../src/lib/content/content-files';
import { createQuestMachine, questView, saveQuest } from '../src/lib/games/quest/quest.machine';
import { chromiumLaunchOptions } from '../tests/support/chromium.js';
import { startServer } from '../tests/support/server';

const root = path.resolve(import.meta.dirname, '..');
const PLAYS = Number(process.env.BENCH_PLAYS ?? 2000);
const SLOWDOWN = Number(process.env.BENCH_CPU_SLOWDOWN ?? 4);
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
const TARGET = { questPackBrotli: 40 * 1024, phaserBrotli: 300 * 1024, firstFrameMs: 5000, frameP95Ms: 50, heapBytes: 64 * 1024 * 1024 };
const n = (value: number, digits = 0) => value.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** A small seeded generator, so two runs make the same plays. */
function mulberry32(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

console.log('Quest engine (Node, real xstate machine, random plays)');
let started = performance.now();
const build = compileAllContent(root);
const compileMs = performance.now() - started;
if (build.problems.length > 0) throw new Error('content has problems: run npm run content:check');
console.log(`  compiling all content, every quest path walked: ${n(compileMs)} ms`);
for (const file of build.quests) {
	const quest = file.quest;
	const machine = createQuestMachine(quest);
	const random = mulberry32(2026);
	let events = 0;
	let decisions = 0;
	let snapshotBytes = 0;
	let snapshots = 0;
	started = performance.now();
	for (let play = 0; play < PLAYS; play++) {
		const actor = createActor(machine, { input: { playId: `01900000-0000-7000-8000-${String(play).padStart(12, '0')}`, seed: play, timed: false } });
		actor.on('*', () => events++);
		actor.start();
		for (let step = 0; step < 500; step++) {
			const view = questView(actor.getSnapshot(), quest);
			if (view.kind === 'ending') break;
			if (view.kind === 'line') actor.send({ type: 'NEXT' });
			else {
				const open = view.choices.filter((choice) => choice.available);
				actor.send({ type: 'CHOOSE', choiceId: open[Math.floor(random() * open.length)]!.id });
				decisions++;
				if (decisions % 50 === 0) {
					snapshotBytes += JSON.stringify(saveQuest(actor)).length;
					snapshots++;
				}
			}
		}
		actor.stop();
	}
	const seconds = (performance.now() - started) / 1000;
	console.log(
		`  ${file.id.padEnd(20)} ${n(PLAYS / seconds)} plays/s · ${n(decisions / PLAYS, 1)} decisions and ${n(events / PLAYS, 1)} events per play · saved play ${n(snapshotBytes / Math.max(1, snapshots))} B · ${n(file.walk.paths)} paths`
	);
}

console.log('\nBytes a phone downloads for games (after the first visit, in the background)');
for (const file of build.quests) {
	const body = Buffer.from(file.body);
	const brotli = brotliCompressSync(body).length;
	console.log(`  quest ${file.id.padEnd(20)} ${kib(body.length)} raw · ${kib(gzipSync(body, { level: 9 }).length)} gzip · ${kib(brotli)} brotli  ${verdict(brotli <= TARGET.questPackBrotli)} (≤ ${kib(TARGET.questPackBrotli)})`);
}
if (!existsSync(path.join(root, 'build/index.js'))) {
	console.log('  build/ is missing: building…');
	execSync('npx vite build --logLevel warn', { cwd: root, stdio: 'inherit' });
}
const chunks = path.join(root, 'build/client/_app/immutable/chunks');
for (const name of readdirSync(chunks).filter((file) => file.startsWith('game-') && file.endsWith('.js')).sort()) {
	const body = readFileSync(path.join(chunks, name));
	const brotli = brotliCompressSync(body).length;
	const target = name.startsWith('game-phaser') ? `  ${verdict(brotli <= TARGET.phaserBrotli)} (≤ ${kib(TARGET.phaserBrotli)})` : '';
	console.log(`  ${name.padEnd(40)} ${kib(statSync(path.join(chunks, name)).size)} raw · ${kib(gzipSync(body, { level: 9 }).length)} gzip · ${kib(brotli)} brotli${target}`);
}

if (process.env.BENCH_SKIP_BROWSER === '1') process.exit(0);

console.log(`\nA cheap phone: headless Chromium, 360×640, CPU ${SLOWDOWN}× slower (this machine's load average: ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores — a busy machine slows these figures further)`);
const server = await startServer();
const browser = await chromium.launch(chromiumLaunchOptions());
try {
	const pages: { name: string; path: string; start?: string; ready: string }[] = [
		{ name: 'quest "The exam envelope"', path: '/en/games/quests/exam-envelope', ready: '[data-testid="quest-player"][data-view] canvas' },
		{ name: 'mini-game "Gift or bribe?"', path: '/en/games/gift-or-bribe', start: 'li[data-level="1"] button', ready: '[data-testid="gift-or-bribe"] canvas' },
		{ name: 'mini-game "Spot the risk"', path: '/en/games/spot-the-risk', start: 'li[data-level="1"] button', ready: '[data-testid="spot-the-risk"] canvas' }
	];
	for (const target of pages) {
		const context = await browser.newContext({ viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
		const page = await context.newPage();
		const cdp = await context.newCDPSession(page);
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOWDOWN });
		await cdp.send('Performance.enable');
		const begun = performance.now();
		await page.goto(`${server.url}${target.path}`);
		// A mini-game opens on its levels: the first frame a player waits for is level 1's.
		if (target.start) await page.click(target.start, { timeout: 60_000 });
		await page.waitForSelector(target.ready, { timeout: 60_000 });
		// The first frame is drawn once a canvas exists and the browser has painted twice.
		// Strings, not functions: tsx's transform would add helpers the page does not have.
		await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
		const firstFrameMs = performance.now() - begun;
		const frames = (await page.evaluate(`new Promise((resolve) => {
			const times = [];
			const end = performance.now() + 3000;
			const tick = (now) => {
				times.push(now);
				if (now < end) requestAnimationFrame(tick);
				else resolve(times.slice(1).map((time, index) => time - times[index]));
			};
			requestAnimationFrame(tick);
		})`)) as number[];
		const sorted = [...frames].sort((a, b) => a - b);
		const percentile = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
		const metrics = (await cdp.send('Performance.getMetrics')).metrics;
		const heap = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0;
		console.log(
			`  ${target.name.padEnd(28)} first frame ${n(firstFrameMs)} ms ${verdict(firstFrameMs <= TARGET.firstFrameMs)} · ${n(frames.length / 3, 0)} fps · frame p50 ${n(percentile(0.5), 1)} ms, p95 ${n(percentile(0.95), 1)} ms ${verdict(percentile(0.95) <= TARGET.frameP95Ms)} · JS heap ${n(heap / 1024 / 1024, 1)} MiB ${verdict(heap <= TARGET.heapBytes)}`
		);
		await context.close();
	}
} finally {
	await browser.close();
	await server.stop();
}
