import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface RunningServer {
	url: string;
	port: number;
	dataDir: string;
	process: ChildProcess;
	output: () => string;
	stop: () => Promise<void>;
}

const root = path.resolve(import.meta.dirname, '../..');

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
		});
	});
}

/** Starts the built app the way production runs it (`node build`), on a free port with its own data directory. */
export async function startServer(options: { dataDir?: string; env?: Record<string, string> } = {}): Promise<RunningServer> {
	if (!existsSync(path.join(root, 'build/index.js'))) {
		throw new Error('build/ is missing: run `npm run build` (npm test does) before the integration and browser tests');
	}
	const port = await freePort();
	const ownDataDir = !options.dataDir;
	const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'taza-data-'));
	let log = '';
	const child = spawn(process.execPath, ['build/index.js'], {
		cwd: root,
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', TAZA_DATA_DIR: dataDir, BODY_SIZE_LIMIT: '2M', ...options.env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout?.on('data', (chunk) => (log += chunk));
	child.stderr?.on('data', (chunk) => (log += chunk));
	const url = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 30_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${log}`);
		try {
			const response = await fetch(`${url}/api/health`);
			// Healthy, and it is ours: a server that lost the port race would have exited by now.
			if (response.ok && child.exitCode === null) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`server did not become healthy in 30 s:\n${log}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	return {
		url,
		port,
		dataDir,
		process: child,
		output: () => log,
		stop: async () => {
			if (child.exitCode === null) {
				const exited = new Promise((resolve) => child.once('exit', resolve));
				child.kill('SIGTERM');
				await exited;
			}
			if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
		}
	};
}
