// Installs npm dependencies when they are missing or older than package-lock.json, so `npm start` and `npm test`
// work on a fresh clone. Uses only Node built-ins: it runs before anything is installed.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const MINIMUM_NODE = [20, 19];

export function assertNodeVersion() {
	const [major, minor] = process.versions.node.split('.').map(Number);
	if (major < MINIMUM_NODE[0] || (major === MINIMUM_NODE[0] && minor < MINIMUM_NODE[1])) {
		console.error(`Taza needs Node ${MINIMUM_NODE.join('.')} or newer; this is ${process.versions.node}.`);
		process.exit(1);
	}
}

export function ensureDependencies() {
	const installedMarker = 'node_modules/.package-lock.json';
	const upToDate =
		existsSync(installedMarker) && statSync(installedMarker).mtimeMs >= statSync('package-lock.json').mtimeMs;
	if (upToDate) return;
	console.log('Installing dependencies (npm ci)…');
	execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
}
