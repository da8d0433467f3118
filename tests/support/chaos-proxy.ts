// A fault-injecting HTTP proxy for the chaos test: it sits between devices and the real server and, by a seeded
// dice roll per request, adds latency, drops the request, resets the connection after the server answered, truncates
// the answer, delivers the request twice, or holds it so later requests overtake it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { seededRandom } from '../../src/lib/utils/seeded-random';

export type ProxyFault = 'pass' | 'latency' | 'drop' | 'reset-after-forward' | 'truncate' | 'duplicate' | 'hold';

export interface ChaosProxy {
	url: string;
	/** Where requests go now: the server moves to a new port when it restarts. */
	setUpstream(url: string): void;
	counts: Record<ProxyFault, number>;
	close(): Promise<void>;
}

const FAULTS: [ProxyFault, number][] = [
	['pass', 40],
	['latency', 20],
	['drop', 8],
	['reset-after-forward', 10],
	['truncate', 7],
	['duplicate', 8],
	['hold', 7]
];

async function readBody(request: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

export async function startChaosProxy(seed: number): Promise<ChaosProxy> {
	const random = seededRandom(seed);
	let upstream = '';
	const counts = Object.fromEntries(FAULTS.map(([fault]) => [fault, 0])) as Record<ProxyFault, number>;
	const total = FAULTS.reduce((sum, [, weight]) => sum + weight, 0);
	const pick = (): ProxyFault => {
		let roll = random() * total;
		for (const [fault, weight] of FAULTS) {
			roll -= weight;
			if (roll < 0) return fault;
		}
		return 'pass';
	};
	const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

	async function forward(request: IncomingMessage, body: Buffer): Promise<{ status: number; headers: Record<string, string>; body: Buffer } | undefined> {
		const headers: Record<string, string> = {};
		for (const [name, value] of Object.entries(request.headers)) {
			if (typeof value === 'string' && !['host', 'connection', 'content-length'].includes(name)) headers[name] = value;
		}
		try {
			const response = await fetch(`${upstream}${request.url}`, { method: request.method, headers, body: request.method === 'GET' ? undefined : new Uint8Array(body) });
			const responseHeaders: Record<string, string> = {};
			response.headers.forEach((value, name) => {
				if (!['content-length', 'content-encoding', 'transfer-encoding', 'connection'].includes(name)) responseHeaders[name] = value;
			});
			return { status: response.status, headers: responseHeaders, body: Buffer.from(await response.arrayBuffer()) };
		} catch {
			return undefined; // the server is down (killed) or restarting
		}
	}

	async function handle(request: IncomingMessage, response: ServerResponse) {
		const body = await readBody(request);
		const fault = pick();
		counts[fault] += 1;
		if (fault === 'latency') await sleep(Math.floor(random() * 300));
		if (fault === 'drop') return void request.socket.destroy();
		if (fault === 'hold') await sleep(300 + Math.floor(random() * 1500));
		const answer = await forward(request, body);
		if (fault === 'duplicate') await forward(request, body);
		if (!answer) {
			response.writeHead(502, { 'content-type': 'application/json' });
			return void response.end(JSON.stringify({ error: 'bad-gateway', message: 'The server is not answering.' }));
		}
		if (fault === 'reset-after-forward') return void request.socket.destroy();
		response.writeHead(answer.status, { ...answer.headers, 'content-length': String(answer.body.length) });
		if (fault === 'truncate') {
			response.write(answer.body.subarray(0, Math.floor(answer.body.length / 2)));
			return void request.socket.destroy();
		}
		response.end(answer.body);
	}

	const server: Server = createServer((request, response) => {
		handle(request, response).catch(() => request.socket.destroy());
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		setUpstream: (url) => (upstream = url),
		counts,
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}
