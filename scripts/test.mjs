// `npm test`: installs what is missing, then runs the type check, unit, integration and browser tests in order,
// stopping at the first failure. The build in between is what the integration and browser tests run against.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { assertNodeVersion, ensureDependencies } from './ensure-deps.mjs';

process.chdir(path.resolve(import.meta.dirname, '..'));
assertNodeVersion();
ensureDependencies();

function ensureChromium() {
	const wanted = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
	if (existsSync(wanted)) return;
	const isDebian = existsSync('/etc/debian_version');
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	if (!process.env.CHROMIUM_PATH && isDebian && isRoot) {
		console.log("Chromium is missing: installing Debian's chromium package…");
		execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
			stdio: 'inherit',
			shell: '/bin/bash'
		});
		if (existsSync(wanted)) return;
	}
	const os = existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8').match(/PRETTY_NAME="(.*)"/)?.[1] : process.platform;
	console.error(
		`No Chromium at ${wanted} (${os}). Install Chromium and set CHROMIUM_PATH to its executable; ` +
			'on Debian, as root, npm test installs the chromium package itself.'
	);
	process.exit(1);
}

ensureChromium();

const steps = [
	['type check', 'npm run --silent check'],
	['unit tests', 'npx vitest run --project unit'],
	['build', 'npx vite build --logLevel warn'],
	['integration tests', 'npx vitest run --project integration'],
	['browser tests', 'npx vitest run --project browser']
];

for (const [name, command] of steps) {
	console.log(`\n▶ ${name}: ${command}`);
	try {
		execSync(command, { stdio: 'inherit', env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' } });
	} catch {
		console.error(`\n✖ ${name} failed`);
		process.exit(1);
	}
}
console.log('\n✔ all checks passed');
