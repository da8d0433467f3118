// npm run cert:verify -- <file-or-url> [--keys public-keys.json] [--server https://taza.example] [--offline]
//
// Verifies a Taza certificate as the verify page does: the signature against the issuer's public keys (offline), then
// whether it was revoked. The input is a verify link (the QR code's content), a credential file (.jwt, or JSON with a
// `credential` field), a certificate PDF made by Taza, or the token itself. Keys come from --keys (a file written by
// `npm run cert:keys -- export`) or from the key ring in TAZA_DATA_DIR (./data). Revocation is asked of the server the
// link names (or --server), else read from the database in TAZA_DATA_DIR when there is one.
//
// Exit codes: 0 valid, 1 not valid (tampered, unknown key, key not valid then, revoked, not a certificate), 2 usage.
import Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isIssuerPublicKey, type IssuerPublicKey } from '../src/lib/certificates/issuer-keys';
import { isRevocationStatus, verifyCertificateToken, withRevocation, type RevocationStatus } from '../src/lib/certificates/verify';
import { tokenFromInput } from '../src/lib/certificates/verify-input';
import { credentialInPdf } from '../src/lib/server/certificates/certificate-pdf';
import { keyRingPath, publicKeysOf, readKeyRing } from '../src/lib/server/certificates/key-ring';

function fail(message: string, code = 2): never {
	console.error(message);
	process.exit(code);
}

function option(args: string[], name: string): string | undefined {
	const index = args.indexOf(name);
	if (index < 0) return undefined;
	const value = args[index + 1];
	if (!value || value.startsWith('--')) fail(`${name} needs a value`);
	args.splice(index, 2);
	return value;
}

const args = process.argv.slice(2);
const keysFile = option(args, '--keys');
const server = option(args, '--server');
const offline = args.includes('--offline');
const [target] = args.filter((arg) => arg !== '--offline');
if (!target) fail('usage: npm run cert:verify -- <file-or-url> [--keys public-keys.json] [--server https://…] [--offline]');
const dataDir = path.resolve(process.env.TAZA_DATA_DIR || './data');

async function readInput(input: string): Promise<{ token: string | undefined; origin?: string }> {
	if (/^https?:\/\//.test(input)) return { token: tokenFromInput(input), origin: new URL(input).origin };
	if (!existsSync(input)) return { token: tokenFromInput(input) };
	const bytes = readFileSync(input);
	if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return { token: await credentialInPdf(new Uint8Array(bytes)) };
	return { token: tokenFromInput(bytes.toString('utf8')) };
}

function readKeys(): IssuerPublicKey[] {
	if (keysFile) {
		const keys = JSON.parse(readFileSync(keysFile, 'utf8')) as unknown;
		if (!Array.isArray(keys) || !keys.every(isIssuerPublicKey)) fail(`${keysFile} is not a list of certificate public keys`);
		return keys;
	}
	if (!existsSync(keyRingPath(dataDir))) fail(`No keys: pass --keys <file>, or set TAZA_DATA_DIR to the server's data directory (${dataDir} has none).`);
	return publicKeysOf(readKeyRing(keyRingPath(dataDir)));
}

async function revocation(id: string, origin: string | undefined): Promise<{ status?: RevocationStatus; note: string }> {
	if (offline) return { note: 'revocation not checked (--offline)' };
	const base = server ?? origin;
	if (base) {
		try {
			const response = await fetch(`${base.replace(/\/$/, '')}/api/certificates/${encodeURIComponent(id)}/status`);
			if (response.status === 404) return { note: `revocation not checked: ${base} did not issue this certificate` };
			const body: unknown = await response.json();
			if (response.ok && isRevocationStatus(body)) return { status: body, note: `revocation checked at ${base}` };
			return { note: `revocation not checked: ${base} answered ${response.status}` };
		} catch (error) {
			return { note: `revocation not checked: ${base} did not answer (${(error as Error).message})` };
		}
	}
	const databaseFile = path.join(dataDir, 'taza.db');
	if (!existsSync(databaseFile)) return { note: 'revocation not checked: no server given and no database in TAZA_DATA_DIR' };
	const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
	try {
		const row = db.prepare('select revoked_at as revokedAt, reason from certificates where id = ?').get(id) as { revokedAt: string | null; reason: RevocationStatus['reason'] } | undefined;
		if (!row) return { note: `revocation not checked: the database in ${dataDir} has no such certificate` };
		return { status: { id, status: row.revokedAt ? 'revoked' : 'active', revokedAt: row.revokedAt, reason: row.reason }, note: `revocation checked in ${databaseFile}` };
	} finally {
		db.close();
	}
}

const { token, origin } = await readInput(target);
if (!token) fail(`INVALID: no certificate found in ${target}`, 1);
const verdict = withRevocation(await verifyCertificateToken(token, readKeys()), undefined);
if (verdict.status !== 'valid') {
	const why: Record<string, string> = {
		tampered: 'TAMPERED: the signature does not match the contents (a name, date, course or version was changed)',
		'unknown-key': `UNKNOWN KEY: signed with key "${verdict.status === 'unknown-key' ? verdict.kid : ''}", which is not among the issuer's keys`,
		'key-not-valid': 'KEY NOT VALID: the key was not allowed to sign on the date the certificate shows',
		malformed: `NOT A CERTIFICATE: ${verdict.status === 'malformed' ? verdict.problem : ''}`
	};
	fail(why[verdict.status] ?? verdict.status, 1);
}
const checked = await revocation(verdict.certificate.id, origin);
const final = withRevocation(verdict, checked.status);
const { certificate } = verdict;
const facts = [
	`  recipient: ${certificate.recipientName}`,
	`  ${certificate.kind === 'course' ? 'course' : 'training programme'}: ${certificate.achievementName} (${certificate.achievementId})`,
	`  content version: ${certificate.version}`,
	`  issued: ${certificate.issuedAt}`,
	`  certificate: ${certificate.id} (${verdict.form === 'credential' ? 'Open Badges 3.0 credential' : 'QR token'}, key ${verdict.kid})`,
	`  ${checked.note}`
].join('\n');
if (final.status === 'revoked') fail(`REVOKED on ${final.revokedAt} (reason: ${final.reason ?? 'not given'})\n${facts}`, 1);
console.log(`VALID: the signature is Taza's and nothing was changed\n${facts}`);
