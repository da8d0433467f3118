import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

it('has migrations in drizzle/ that match the schema (drizzle-kit generate finds nothing to add)', () => {
	// drizzle-kit only understands an output folder relative to the project, and exits 0 even when it fails.
	const scratch = path.join('.tmp', `drizzle-check-${process.pid}`);
	rmSync(scratch, { recursive: true, force: true });
	mkdirSync(scratch, { recursive: true });
	try {
		cpSync('drizzle', scratch, { recursive: true });
		const before = readdirSync(scratch).sort();
		const output = execFileSync('npx', ['drizzle-kit', 'generate'], {
			env: { ...process.env, DRIZZLE_OUT: `./${scratch}` },
			encoding: 'utf8',
			stdio: 'pipe'
		});
		expect(output).toContain('No schema changes');
		expect(readdirSync(scratch).sort()).toEqual(before);
	} finally {
		rmSync(scratch, { recursive: true, force: true });
	}
});
