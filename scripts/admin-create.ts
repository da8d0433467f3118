// npm run admin:create -- <phone or username> [display name]
// Creates a programme administrator. The password comes from TAZA_ADMIN_PASSWORD, or is asked for on the terminal
// (never as an argument, so it stays out of shell history). Uses TAZA_DATA_DIR like the server.
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { PROGRAMME_SCOPE } from '../src/lib/identity/memberships';
import { getDatabase, closeDatabase } from '../src/lib/server/db';
import { authService, membershipsRepo } from '../src/lib/server/services/core-wiring';

async function askPassword(): Promise<string> {
	if (process.env.TAZA_ADMIN_PASSWORD) return process.env.TAZA_ADMIN_PASSWORD;
	if (!process.stdin.isTTY) throw new Error('Set TAZA_ADMIN_PASSWORD, or run in a terminal to be asked for the password.');
	let muted = false;
	const output = new Writable({ write: (chunk, _encoding, done) => (muted ? done() : process.stdout.write(chunk, done)) });
	const rl = createInterface({ input: process.stdin, output, terminal: true });
	const question = (text: string) =>
		new Promise<string>((resolve) => {
			rl.question(text, resolve);
			muted = true;
		});
	const password = await question('Password (at least 8 characters): ');
	muted = false;
	process.stdout.write('\n');
	rl.close();
	return password;
}

const [login, ...name] = process.argv.slice(2);
if (!login) {
	console.error('usage: npm run admin:create -- <phone or username> [display name]');
	process.exit(2);
}
try {
	getDatabase();
	const password = await askPassword();
	const account = await authService().signUp({ login, password, displayName: name.join(' ') || undefined });
	if (!account.ok) {
		console.error(`Could not create the administrator: ${account.failure.code}${'reason' in account.failure ? ` (${account.failure.reason})` : ''}`);
		process.exit(1);
	}
	const at = new Date().toISOString();
	await membershipsRepo().grant({
		id: randomUUID(),
		personId: account.value.personId,
		membership: { role: 'programme-admin', ...PROGRAMME_SCOPE, validFrom: at, validTo: null },
		at,
		grantedBy: null,
		audit: { id: randomUUID(), at, actorAccountId: null, action: 'role.granted', subjectPersonId: account.value.personId, details: { role: 'programme-admin', via: 'admin:create' } }
	});
	console.log(`Programme administrator ${login} created.`);
} finally {
	closeDatabase();
}
