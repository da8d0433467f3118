// `npm start`: install what is missing, build when the sources changed, then serve the production build.
// The server applies migrations and writes reference data when it starts (src/hooks.server.ts).
import { execSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { assertNodeVersion, ensureDependencies } from './ensure-deps.mjs';

process.chdir(path.resolve(import.meta.dirname, '..'));
assertNodeVersion();
ensureDependencies();

// The certificate key ring too: its public keys are bundled, so a rotated key needs a new build (docs/certificates.md).
const BUILD_INPUTS = ['src', 'messages', 'static', 'content', 'drizzle', 'project.inlang/settings.json', 'package-lock.json', 'svelte.config.js', 'vite.config.ts', 'paraglide.options.js', path.join(process.env.TAZA_DATA_DIR || 'data', 'certificate-keys.json')];
const GENERATED = new Set(['paraglide']);

function newestChange(entry) {
	if (!existsSync(entry)) return 0;
	const stats = statSync(entry);
	if (!stats.isDirectory()) return stats.mtimeMs;
	let newest = stats.mtimeMs;
	for (const child of readdirSync(entry)) {
		if (GENERATED.has(child)) continue;
		newest = Math.max(newest, newestChange(path.join(entry, child)));
	}
	return newest;
}

const builtAt = existsSync('build/index.js') ? statSync('build/index.js').mtimeMs : 0;
if (Math.max(...BUILD_INPUTS.map(newestChange)) > builtAt) {
	console.log('Building…');
	execSync('npx vite build', { stdio: 'inherit', env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' } });
}

const port = process.env.PORT || '3000';
console.log(`Taza is starting on http://localhost:${port} (data in ${process.env.TAZA_DATA_DIR || './data'})`);
const server = spawn(process.execPath, ['build/index.js'], {
	stdio: 'inherit',
	// npm start is the demo: one person of each role (README.md). A production server runs `node build` without it.
	// Sync batches are up to 1 MiB (docs/sync.md); adapter-node's own limit (512 KiB) must not cut them off first.
	env: { TAZA_DEMO_DATA: '1', BODY_SIZE_LIMIT: '2M', ...process.env, PORT: port }
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
