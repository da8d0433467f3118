// A TCP proxy that behaves like a slow rural mobile link, for bench/sync.ts: each direction carries at most
// `kbitPerSecond` (bytes queue behind each other, cut into 1,460-byte segments as TCP would send them), every
// segment arrives half a round trip after it was sent, and a new connection costs one round trip (the TCP handshake)
// before its first byte can leave. Not modelled: loss, retransmission, TCP slow start and TLS (which would add one
// more round trip per connection with TLS 1.3) — so the figures it gives are a lower bound for a real link.
import net from 'node:net';

const SEGMENT = 1460;

export interface RuralLink {
	port: number;
	/** Bytes carried so far: `up` from the client to the server, `down` back. */
	bytes: { up: number; down: number };
	connections: () => number;
	close: () => Promise<void>;
}

/** One direction of the link: a queue with its own clock, delivering in order (`null`: the sender closed). */
function lane(bytesPerMs: number, oneWayMs: number, deliver: (chunk: Buffer | null) => void, count: (bytes: number) => void) {
	const queue: { chunk: Buffer | null; at: number }[] = [];
	let freeAt = 0;
	let timer: NodeJS.Timeout | undefined;
	const flush = () => {
		timer = undefined;
		const now = performance.now();
		while (queue.length > 0 && queue[0]!.at <= now) deliver(queue.shift()!.chunk);
		if (queue.length > 0) timer = setTimeout(flush, queue[0]!.at - now);
	};
	return {
		/** Nothing leaves before `at` (ms, performance.now()): the handshake. */
		holdUntil(at: number) {
			freeAt = Math.max(freeAt, at);
		},
		send(data: Buffer) {
			count(data.length);
			for (let offset = 0; offset < data.length; offset += SEGMENT) {
				const chunk = data.subarray(offset, offset + SEGMENT);
				const start = Math.max(performance.now(), freeAt);
				freeAt = start + chunk.length / bytesPerMs;
				queue.push({ chunk, at: freeAt + oneWayMs });
			}
			if (!timer) timer = setTimeout(flush, Math.max(0, queue[0]!.at - performance.now()));
		},
		/** The close travels behind the last byte. */
		end() {
			queue.push({ chunk: null, at: Math.max(performance.now(), freeAt) + oneWayMs });
			if (!timer) timer = setTimeout(flush, Math.max(0, queue[0]!.at - performance.now()));
		}
	};
}

export async function startRuralLink(options: { targetPort: number; targetHost?: string; kbitPerSecond: number; roundTripMs: number }): Promise<RuralLink> {
	const bytesPerMs = (options.kbitPerSecond * 1000) / 8 / 1000;
	const oneWayMs = options.roundTripMs / 2;
	const bytes = { up: 0, down: 0 };
	const sockets = new Set<net.Socket>();
	let connections = 0;
	const server = net.createServer({ allowHalfOpen: true }, (client) => {
		connections += 1;
		const upstream = net.connect({ port: options.targetPort, host: options.targetHost ?? '127.0.0.1', allowHalfOpen: true });
		for (const socket of [client, upstream]) {
			sockets.add(socket);
			socket.setNoDelay(true);
			socket.on('close', () => sockets.delete(socket));
			socket.on('error', () => {
				client.destroy();
				upstream.destroy();
			});
		}
		const up = lane(bytesPerMs, oneWayMs, (chunk) => (chunk ? upstream.write(chunk) : upstream.end()), (n) => (bytes.up += n));
		const down = lane(bytesPerMs, oneWayMs, (chunk) => (chunk ? client.write(chunk) : client.end()), (n) => (bytes.down += n));
		up.holdUntil(performance.now() + options.roundTripMs);
		client.on('data', (data) => up.send(data));
		upstream.on('data', (data) => down.send(data));
		client.on('end', () => up.end());
		upstream.on('end', () => down.end());
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	if (typeof address !== 'object' || !address) throw new Error('the link has no port');
	return {
		port: address.port,
		bytes,
		connections: () => connections,
		close: () =>
			new Promise((resolve) => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			})
	};
}
