import { createServer, request as httpRequest, type Server } from 'node:http';
import { freePort } from './server';

export interface ServiceWorkerProxy {
	url: string;
	/** From now on, serve a byte-different service worker, as a new release would. */
	publishNewVersion(): void;
	close(): Promise<void>;
}

/**
 * Sits in front of the app and, once told, appends a comment to /service-worker.js. The browser then sees a new
 * worker version without a second build of the app.
 */
export async function startServiceWorkerProxy(upstream: string): Promise<ServiceWorkerProxy> {
	const target = new URL(upstream);
	let release = 0;
	const port = await freePort();
	const server: Server = createServer((incoming, outgoing) => {
		const isWorker = incoming.url?.split('?')[0] === '/service-worker.js';
		const headers = { ...incoming.headers, host: target.host };
		delete headers['accept-encoding']; // keep bodies plain so the worker script can be edited
		if (isWorker) {
			// A 304 would tell the browser nothing changed; the edited script must always come back whole.
			delete headers['if-none-match'];
			delete headers['if-modified-since'];
		}
		const forward = httpRequest(
			{ hostname: target.hostname, port: target.port, path: incoming.url, method: incoming.method, headers },
			(response) => {
				if (!isWorker || release === 0) {
					outgoing.writeHead(response.statusCode ?? 502, response.headers);
					response.pipe(outgoing);
					return;
				}
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () => {
					const body = Buffer.concat([...chunks, Buffer.from(`\n// release ${release}\n`)]);
					const { 'content-length': _length, etag: _etag, 'last-modified': _modified, ...rest } = response.headers;
					outgoing.writeHead(response.statusCode ?? 200, { ...rest, 'content-length': body.length });
					outgoing.end(body);
				});
			}
		);
		forward.on('error', () => {
			outgoing.writeHead(502);
			outgoing.end();
		});
		incoming.pipe(forward);
	});
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${port}`,
		publishNewVersion: () => {
			release += 1;
		},
		close: () => new Promise((resolve) => server.close(() => resolve()))
	};
}
