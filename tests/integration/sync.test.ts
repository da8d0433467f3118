import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PUSH_BYTES, SYNC_PROTOCOL } from '../../src/lib/progress/sync-protocol';
import { DEMO_PASSWORD } from '../../src/lib/server/services/demo-data.service';
import { eventFactory } from '../support/course-events';
import { startServer, type RunningServer } from '../support/server';

describe('sync over HTTP', () => {
	let server: RunningServer;
	let token = '';
	let personId = '';

	beforeAll(async () => {
		server = await startServer({ env: { TAZA_DEMO_DATA: '1' } });
		const signIn = await fetch(`${server.url}/api/auth/sign-in`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ login: 'demo.learner', password: DEMO_PASSWORD })
		});
		({ profileToken: token, personId } = (await signIn.json()) as { profileToken: string; personId: string });
	});

	afterAll(async () => {
		await server?.stop();
	});

	const post = (path: string, body: Uint8Array | string, headers: Record<string, string> = {}) =>
		fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers }, body: typeof body === 'string' ? body : new Uint8Array(body) });

	it('counts a pushed quest choice into "what others chose", readable anonymously, withheld while too few answered', async () => {
		const events = eventFactory('device-quest', Date.parse('2026-11-26T15:00:00Z'));
		const me = { kind: 'learner' as const, id: personId };
		const playId = '0190aaaa-0000-7000-8000-00000000c0de';
		const batch = { protocol: SYNC_PROTOCOL, deviceId: 'device-quest', sentAt: new Date().toISOString(), events: [events.questStarted(me, 'http-quest', playId), events.questChoice(me, 'http-quest', playId, 'first', 'refuse', 1)] };
		expect((await post('/api/sync/push', JSON.stringify(batch))).status).toBe(200);
		const read = await fetch(`${server.url}/api/quests/http-quest/choices`);
		expect(read.status).toBe(200);
		expect(await read.json()).toEqual({ questId: 'http-quest', nodes: {}, players: 1 });
		const bad = await fetch(`${server.url}/api/quests/Not%20An%20Id/choices`);
		expect(bad.status).toBe(400);
		expect(await bad.json()).toMatchObject({ error: 'invalid-quest-id' });
	});

	it('accepts a gzip batch under the profile token and answers after the commit', async () => {
		const events = eventFactory('device-http');
		const batch = { protocol: SYNC_PROTOCOL, deviceId: 'device-http', sentAt: new Date().toISOString(), events: [events.lessonCompleted(personId, 'honest-choices', 'fairness-and-rules')] };
		const response = await post('/api/sync/push', gzipSync(JSON.stringify(batch)), { 'content-encoding': 'gzip' });
		expect(response.status).toBe(200);
		expect(await response.json()).toMatchObject({ acknowledged: 1, exceptions: [] });

		const pulled = await post('/api/sync/pull', JSON.stringify({ protocol: SYNC_PROTOCOL, cursors: {} }));
		const body = (await pulled.json()) as { partitions: { partition: string; summaries: { completedLessons: string[] }[] }[] };
		expect(body.partitions.find((partition) => partition.partition === `learner:${personId}`)?.summaries[0]?.completedLessons).toEqual(['fairness-and-rules']);
	});

	it('gzips a pull worth compressing for a client that accepts it, and sends plain JSON to one that does not', async () => {
		const events = eventFactory('device-pull', Date.parse('2026-11-26T18:00:00Z'));
		const courses = ['gzip-a', 'gzip-b', 'gzip-c', 'gzip-d', 'gzip-e', 'gzip-f'];
		const batch = { protocol: SYNC_PROTOCOL, deviceId: 'device-pull', sentAt: new Date().toISOString(), events: courses.map((courseId) => events.lessonCompleted(personId, courseId, 'l1')) };
		expect((await post('/api/sync/push', JSON.stringify(batch))).status).toBe(200);
		const request = JSON.stringify({ protocol: SYNC_PROTOCOL, cursors: {} });
		const gzipped = await post('/api/sync/pull', request, { 'accept-encoding': 'gzip' });
		expect(gzipped.headers.get('content-encoding')).toBe('gzip');
		const body = (await gzipped.json()) as { partitions: { summaries: { courseId: string }[] }[] };
		expect(body.partitions.flatMap((partition) => partition.summaries.map((summary) => summary.courseId))).toEqual(expect.arrayContaining(courses));
		const plain = await post('/api/sync/pull', request, { 'accept-encoding': 'identity' });
		expect(plain.headers.get('content-encoding')).toBeNull();
		expect(((await plain.json()) as typeof body).partitions).toEqual(body.partitions);
	});

	it('refuses oversized bodies with 413 and a message, compressed or not, and unknown encodings with 415', async () => {
		const huge = JSON.stringify({ protocol: SYNC_PROTOCOL, deviceId: 'd', sentAt: new Date().toISOString(), events: ['x'.repeat(MAX_PUSH_BYTES)] });
		const plain = await post('/api/sync/push', huge);
		expect(plain.status).toBe(413);
		expect((await plain.json()).message).toMatch(/larger than/);
		// A small gzip that inflates past the limit.
		const bomb = await post('/api/sync/push', gzipSync(huge), { 'content-encoding': 'gzip' });
		expect(bomb.status).toBe(413);
		expect((await bomb.json()).message).toMatch(/decompressed/);
		const brotli = await post('/api/sync/push', '{}', { 'content-encoding': 'br' });
		expect(brotli.status).toBe(415);
		await brotli.body?.cancel();
	});

	it('asks an outdated client to update with a retryable 426', async () => {
		const response = await post('/api/sync/push', JSON.stringify({ protocol: 0, deviceId: 'd', sentAt: new Date().toISOString(), events: [] }));
		expect(response.status).toBe(426);
		expect(await response.json()).toMatchObject({ error: 'client-outdated' });
	});
});
