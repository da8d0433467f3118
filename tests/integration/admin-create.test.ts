import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

describe('npm run admin:create', () => {
	const dataDir = mkdtempSync(path.join(tmpdir(), 'taza-admin-create-'));
	afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

	it('makes a programme administrator from the command line (it runs under tsx, without the content build)', () => {
		const output = execFileSync('npx', ['tsx', 'scripts/admin-create.ts', 'first.admin', 'Биринчи', 'админ'], {
			env: { ...process.env, TAZA_DATA_DIR: dataDir, TAZA_ADMIN_PASSWORD: 'first-admin-password' },
			encoding: 'utf8'
		});
		expect(output).toContain('first.admin');
		const db = new Database(path.join(dataDir, 'taza.db'), { readonly: true });
		try {
			expect(
				db
					.prepare("select role, scope_kind from memberships join accounts on accounts.person_id = memberships.person_id join login_names on login_names.account_id = accounts.id where login = 'first.admin'")
					.all()
			).toEqual([{ role: 'programme-admin', scope_kind: 'programme' }]);
		} finally {
			db.close();
		}
	}, 60_000);
});
