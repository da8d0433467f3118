// `npm run bench:bundle`: what a phone downloads for the first page, and what the service worker keeps offline.
// Prints brotli and gzip bytes of the JS and CSS the initial route loads, the total precache, and PASS/FAIL
// against the budget (initial route ≤ 100 KiB of JS after brotli, and no Phaser), and what is cached in the
// background after the first visit. Builds first when build/ is missing.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const BUDGET_JS_BROTLI = 100 * 1024;
const root = path.resolve(import.meta.dirname, '..');
const client = path.join(root, 'build/client');
const prerendered = path.join(root, 'build/prerendered');

if (!existsSync(path.join(root, 'build/index.js'))) {
	console.log('build/ is missing: building…');
	execSync('npx vite build --logLevel warn', { cwd: root, stdio: 'inherit' });
}

const brotli = (buffer) => brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const gzip = (buffer) => gzipSync(buffer, { level: 9 }).length;
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

function walk(dir) {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		return entry.isDirectory() ? walk(full) : [full];
	});
}

/** Every script and stylesheet the page pulls before it is interactive: preloads, stylesheets and the boot imports. */
function initialAssets(html) {
	const urls = new Set();
	for (const [, href] of html.matchAll(/<link[^>]+href="([^"]+)"[^>]*rel="(?:modulepreload|stylesheet)"/g)) urls.add(href);
	for (const [, href] of html.matchAll(/<link[^>]+rel="(?:modulepreload|stylesheet)"[^>]*href="([^"]+)"/g)) urls.add(href);
	for (const [, href] of html.matchAll(/import\("([^"]+)"\)/g)) urls.add(href);
	return [...urls].filter((url) => url.startsWith('/_app/'));
}

function measureRoute(name, htmlFile) {
	const html = readFileSync(htmlFile, 'utf8');
	const totals = { js: { raw: 0, br: 0, gz: 0, files: 0 }, css: { raw: 0, br: 0, gz: 0, files: 0 } };
	for (const url of initialAssets(html)) {
		const body = readFileSync(path.join(client, url));
		const kind = url.endsWith('.css') ? 'css' : 'js';
		totals[kind].raw += body.length;
		totals[kind].br += brotli(body);
		totals[kind].gz += gzip(body);
		totals[kind].files += 1;
	}
	const htmlBody = Buffer.from(html);
	console.log(`\n${name}`);
	console.log(`  HTML  ${kib(htmlBody.length)} raw · ${kib(brotli(htmlBody))} brotli · ${kib(gzip(htmlBody))} gzip`);
	for (const kind of ['js', 'css']) {
		const t = totals[kind];
		console.log(`  ${kind.toUpperCase().padEnd(4)}  ${kib(t.raw)} raw · ${kib(t.br)} brotli · ${kib(t.gz)} gzip  (${t.files} files)`);
	}
	return totals;
}

const routes = [
	['Initial route /ky (home)', path.join(prerendered, 'ky.html')],
	['/ru/settings', path.join(prerendered, 'ru/settings.html')]
];
const [initial] = routes.map(([name, file]) => measureRoute(name, file));

// Phaser and the games' data: chunks named `game-…`, cached in the background after the first visit, not at install.
const isDeferred = (file) => /[\\/]_app[\\/]immutable[\\/]chunks[\\/]game-[^\\/]+$/.test(file);

// What the service worker caches at install: Vite's output but the deferred chunks, the static files and the
// prerendered pages (src/service-worker.ts).
const precached = [
	...walk(path.join(client, '_app/immutable')).filter((file) => !isDeferred(file)),
	...walk(client).filter(
		(file) =>
			!file.includes(`${path.sep}_app${path.sep}`) &&
			!file.includes(`${path.sep}packs${path.sep}`) &&
			!file.endsWith('service-worker.js')
	),
	...walk(prerendered)
].filter((file) => !file.endsWith('.br') && !file.endsWith('.gz'));
const precacheBytes = precached.reduce((sum, file) => sum + statSync(file).size, 0);
const precacheBrotli = precached.reduce((sum, file) => sum + brotli(readFileSync(file)), 0);
console.log(`\nPrecache  ${precached.length} files · ${kib(precacheBytes)} stored · ${kib(precacheBrotli)} to download with brotli`);
const deferred = walk(path.join(client, '_app/immutable/chunks')).filter((file) => isDeferred(file) && file.endsWith('.js'));
const deferredBrotli = deferred.reduce((sum, file) => sum + brotli(readFileSync(file)), 0);
const deferredBytes = deferred.reduce((sum, file) => sum + statSync(file).size, 0);
console.log(`Deferred  ${deferred.length} files · ${kib(deferredBytes)} stored · ${kib(deferredBrotli)} with brotli (Phaser and game data, cached after the first visit)`);
// Phaser must never be on the first page: a chunk the initial route pulls in that holds it fails the budget.
const phaserOnInitialRoute = initialAssets(readFileSync(path.join(prerendered, 'ky.html'), 'utf8')).filter((url) => /game-/.test(url));

// Course packs are downloaded per course, never with the shell.
const packFiles = existsSync(path.join(client, 'packs')) ? walk(path.join(client, 'packs')).filter((file) => file.endsWith('.json')) : [];
const packBytes = packFiles.reduce((sum, file) => sum + statSync(file).size, 0);
console.log(`Packs     ${packFiles.length} files · ${kib(packBytes)} (not precached; one course in one language is downloaded when opened or saved)`);

const verdict = initial.js.br <= BUDGET_JS_BROTLI && phaserOnInitialRoute.length === 0 ? 'PASS' : 'FAIL';
if (phaserOnInitialRoute.length > 0) console.log(`\nFAIL: the initial route loads game chunks: ${phaserOnInitialRoute.join(', ')}`);
console.log(`\n${verdict}: initial route JS ${kib(initial.js.br)} brotli, budget ${kib(BUDGET_JS_BROTLI)}; no Phaser on it`);
process.exitCode = verdict === 'PASS' ? 0 : 1;
