import Database from 'better-sqlite3';
import fc from 'fast-check';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_POLICY } from '../../src/lib/server/access-policy';
import { DEMO_PASSWORD } from '../../src/lib/server/services/demo-data.service';
import { startServer, type RunningServer } from '../support/server';

/** Endpoints that read no body: anything sent is ignored, so there is nothing to fuzz. */
const NO_BODY = new Set(['POST /api/auth/sign-out', 'POST /api/auth/sign-out-everywhere', 'POST /api/auth/switch']);
const JSON_ENDPOINTS = Object.keys(ACCESS_POLICY).filter((endpoint) => endpoint.startsWith('POST ') && !NO_BODY.has(endpoint));

const TABLES = ['people', 'person_details', 'accounts', 'login_names', 'sessions', 'audit_log', 'devices', 'guest_learners', 'classes', 'memberships'];

describe('every JSON endpoint, fed arbitrary bodies', () => {
	let server: RunningServer;
	let cookie = '';

	beforeAll(async () => {
		server = await startServer({ env: { TAZA_DEMO_DATA: '1' } });
		// Signed in, so that endpoints behind sign-in get as far as reading their body.
		const signIn = await fetch(`${server.url}/api/auth/sign-in`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ login: 'demo.teacher', password: DEMO_PASSWORD })
		});
		cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
	});

	afterAll(async () => {
		await server?.stop();
	});

	const rowCounts = () => {
		const db = new Database(path.join(server.dataDir, 'taza.db'), { readonly: true });
		try {
			return Object.fromEntries(TABLES.map((table) => [table, db.prepare(`select count(*) from ${table}`).pluck().get()]));
		} finally {
			db.close();
		}
	};

	it.each(JSON_ENDPOINTS)('%s answers 4xx with a message and writes nothing', async (endpoint) => {
		const route = endpoint.slice('POST '.length);
		const before = rowCounts();
		// Sessions and the audit log move only on success. The keys are real field names with arbitrary values, but
		// never a complete valid body (no class `name`, for one), so nothing below can succeed.
		await fc.assert(
			fc.asyncProperty(
				fc.oneof(
					fc.string().map((text) => ({ raw: text })),
					fc.jsonValue().map((value) => ({ raw: JSON.stringify(value) })),
					fc.dictionary(fc.constantFrom('login', 'password', 'code', 'secret', 'deviceId', 'learnerIds', 'guest', 'personId', 'displayName', 'pictures'), fc.anything()).map((value) => ({ raw: JSON.stringify(value) }))
				),
				async ({ raw }) => {
					const response = await fetch(`${server.url}${route}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: raw });
					expect(response.status, `${route} ← ${raw.slice(0, 80)}`).toBeGreaterThanOrEqual(400);
					expect(response.status).toBeLessThan(500);
					expect((await response.json()).message).toEqual(expect.any(String));
				}
			),
			{ numRuns: 60 }
		);
		expect(rowCounts()).toEqual(before);
	});
});
