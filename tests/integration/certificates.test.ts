import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyCertificateToken } from '../../src/lib/certificates/verify';
import { keyRingPath, publicKeysOf, readKeyRing } from '../../src/lib/server/certificates/key-ring';
import { DEMO_PASSWORD } from '../../src/lib/server/services/demo-data.service';
import { startServer, type RunningServer } from '../support/server';

const run = promisify(execFile);
const COURSE = 'integrity-public-service';

interface Certificate {
	id: string;
	version: string;
	recipientName: string;
	credential: string;
	qrToken: string;
	revokedAt: string | null;
}

/** Changes one character of the recipient's name inside a signed token, keeping the signature: a forgery. */
function forgeName(token: string): string {
	const [header, payload, signature] = token.split('.') as [string, string, string];
	const text = Buffer.from(payload, 'base64url').toString('utf8').replace('Өмүрбекова', 'Өмүрбекава');
	return `${header}.${Buffer.from(text).toString('base64url')}.${signature}`;
}

describe('certificates over HTTP', () => {
	let server: RunningServer;
	let learner = '';
	let other = '';
	let admin = '';
	let trainer = '';
	let certificate: Certificate;
	const files = mkdtempSync(path.join(tmpdir(), 'taza-cert-files-'));

	async function call(method: string, route: string, cookie: string, body?: unknown): Promise<Response> {
		return fetch(`${server.url}${route}`, {
			method,
			headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
			...(body === undefined ? {} : { body: JSON.stringify(body) })
		});
	}

	async function signIn(login: string): Promise<string> {
		const response = await call('POST', '/api/auth/sign-in', '', { login, password: DEMO_PASSWORD });
		expect(response.status).toBe(200);
		return response.headers.get('set-cookie')!.split(';')[0]!;
	}

	/** Marks the course completed in the server's summaries, as ingest does after a passing, re-graded test. */
	function complete(login: string) {
		const db = new Database(path.join(server.dataDir, 'taza.db'));
		try {
			const personId = db.prepare('select a.person_id from login_names l join accounts a on a.id = l.account_id where l.login = ?').pluck().get(login) as string;
			db.prepare('insert into course_summaries (person_id, course_id, rule_version, summary, completed_at, updated_at) values (?, ?, 1, ?, ?, ?)').run(
				personId,
				COURSE,
				JSON.stringify({ quizPassed: true }),
				'2026-11-20T10:00:00.000Z',
				'2026-11-20T10:00:00.000Z'
			);
		} finally {
			db.close();
		}
	}

	const verifyCli = (target: string, env: Record<string, string> = {}) =>
		run(process.execPath, ['--import', 'tsx', 'scripts/cert-verify.ts', target], { env: { ...process.env, TAZA_DATA_DIR: server.dataDir, ...env } }).then(
			({ stdout }) => ({ code: 0, output: stdout }),
			(error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, output: error.stdout + error.stderr })
		);

	beforeAll(async () => {
		server = await startServer({ env: { TAZA_DEMO_DATA: '1' } });
		const signUp = await call('POST', '/api/auth/sign-up', '', { login: 'aigul.cert', password: DEMO_PASSWORD, displayName: 'Айгүл Өмүрбекова' });
		expect(signUp.status).toBe(201);
		expect((await call('POST', '/api/auth/sign-up', '', { login: 'other.cert', password: DEMO_PASSWORD })).status).toBe(201);
		complete('aigul.cert');
		[learner, other, admin, trainer] = (await Promise.all(['aigul.cert', 'other.cert', 'demo.admin', 'demo.trainer'].map(signIn))) as [string, string, string, string];
	});

	afterAll(async () => {
		await server?.stop();
		rmSync(files, { recursive: true, force: true });
	});

	it('are offered for a completed mandatory course and issued once: asking again gives the same certificate', async () => {
		const mine = (await (await call('GET', '/api/certificates', learner)).json()) as { eligible: { courseId: string }[]; certificates: unknown[] };
		expect(mine).toMatchObject({ eligible: [{ courseId: COURSE }], certificates: [] });
		const first = await call('POST', '/api/certificates', learner, { courseId: COURSE, locale: 'ky' });
		expect(first.status).toBe(201);
		certificate = (await first.json()) as Certificate;
		expect(certificate.recipientName).toBe('Айгүл Өмүрбекова');
		const again = await call('POST', '/api/certificates', learner, { courseId: COURSE, locale: 'ru' });
		expect(again.status).toBe(200);
		expect(((await again.json()) as Certificate).id).toBe(certificate.id);
		const keys = publicKeysOf(readKeyRing(keyRingPath(server.dataDir)));
		expect(await verifyCertificateToken(certificate.credential, keys)).toMatchObject({ status: 'valid', form: 'credential' });
		expect(await verifyCertificateToken(certificate.qrToken, keys)).toMatchObject({ status: 'valid', certificate: { id: certificate.id, achievementId: COURSE } });
	});

	it('are refused for a course the server does not hold as completed', async () => {
		const response = await call('POST', '/api/certificates', other, { courseId: COURSE, locale: 'en' });
		expect(response.status).toBe(409);
		expect(await response.json()).toMatchObject({ error: 'not-completed' });
		expect((await call('POST', '/api/certificates', '', { courseId: COURSE, locale: 'en' })).status).toBe(401);
	});

	it('print as a PDF for their holder and an administrator only, with the credential inside', async () => {
		const pdf = await call('GET', `/api/certificates/${certificate.id}/pdf`, learner);
		expect(pdf.status).toBe(200);
		expect(pdf.headers.get('content-type')).toBe('application/pdf');
		const bytes = Buffer.from(await pdf.arrayBuffer());
		expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		writeFileSync(path.join(files, 'certificate.pdf'), bytes);
		expect((await call('GET', `/api/certificates/${certificate.id}/pdf`, admin)).status).toBe(200);
		expect((await call('GET', `/api/certificates/${certificate.id}/pdf`, other)).status).toBe(404);
		expect((await call('GET', `/api/certificates/${certificate.id}/pdf`, '')).status).toBe(401);
	});

	it('answer anyone with their status, and nothing personal', async () => {
		const response = await call('GET', `/api/certificates/${certificate.id}/status`, '');
		expect(response.status).toBe(200);
		expect(response.headers.get('cache-control')).toBe('no-store');
		expect(await response.json()).toEqual({ id: certificate.id, status: 'active', revokedAt: null, reason: null });
		expect((await call('GET', '/api/certificates/no-such-certificate/status', '')).status).toBe(404);
	});

	it('are accepted by cert:verify when genuine — as a file, a verify link or a PDF — and rejected when one character changes', async () => {
		writeFileSync(path.join(files, 'certificate.jwt'), certificate.credential);
		writeFileSync(path.join(files, 'forged.jwt'), forgeName(certificate.credential));
		const genuine = await verifyCli(path.join(files, 'certificate.jwt'));
		expect(genuine.code, genuine.output).toBe(0);
		expect(genuine.output).toContain('VALID');
		expect(genuine.output).toContain('Айгүл Өмүрбекова');
		const link = await verifyCli(`${server.url}/ky/verify#${certificate.qrToken}`);
		expect(link.code, link.output).toBe(0);
		expect(link.output).toContain(`revocation checked at ${server.url}`);
		expect((await verifyCli(path.join(files, 'certificate.pdf'))).code).toBe(0);
		const forged = await verifyCli(path.join(files, 'forged.jwt'));
		expect(forged.code).toBe(1);
		expect(forged.output).toContain('TAMPERED');
		const forgedLink = await verifyCli(`${server.url}/ky/verify#${forgeName(certificate.qrToken)}`);
		expect(forgedLink.code).toBe(1);
		const noCertificate = await verifyCli('just some words');
		expect(noCertificate.code).toBe(1);
	});

	it('are revoked by a programme administrator only, once, audited, and then rejected everywhere', async () => {
		expect((await call('POST', `/api/certificates/${certificate.id}/revoke`, learner, { reason: 'other' })).status).toBe(403);
		// A trainer passes the access rule but may revoke only training certificates they issued.
		expect((await call('POST', `/api/certificates/${certificate.id}/revoke`, trainer, { reason: 'other' })).status).toBe(403);
		const revoked = await call('POST', `/api/certificates/${certificate.id}/revoke`, admin, { reason: 'obtained-improperly', note: 'answers shared' });
		expect(revoked.status).toBe(200);
		expect((await call('POST', `/api/certificates/${certificate.id}/revoke`, admin, { reason: 'other' })).status).toBe(409);
		const status = await (await call('GET', `/api/certificates/${certificate.id}/status`, '')).json();
		expect(status).toMatchObject({ status: 'revoked', reason: 'obtained-improperly' });
		expect(JSON.stringify(status)).not.toContain('Айгүл');
		const audit = (await (await call('GET', '/api/audit', admin)).json()) as { entries: { action: string }[] };
		expect(audit.entries.map((entry) => entry.action)).toEqual(expect.arrayContaining(['certificate.issued', 'certificate.revoked']));
		const byFile = await verifyCli(path.join(files, 'certificate.jwt'));
		expect(byFile.code).toBe(1);
		expect(byFile.output).toContain('REVOKED');
		const byLink = await verifyCli(`${server.url}/ru/verify#${certificate.qrToken}`);
		expect(byLink.code).toBe(1);
		expect(byLink.output).toContain('obtained-improperly');
	});
});
