import { describe, expect, it } from 'vitest';
import { checkHealth, type DatabaseProbe } from './health.service';

const versions = { version: '1.2.3', build: 'b1' };
const durable: DatabaseProbe = {
	ping: () => {},
	journalMode: () => 'wal',
	synchronous: () => 'full',
	foreignKeys: () => true
};

describe('checkHealth', () => {
	it('is ok with a reachable, durable database', () => {
		expect(checkHealth(() => durable, versions)).toEqual({
			status: 'ok',
			version: '1.2.3',
			build: 'b1',
			database: { ok: true, journalMode: 'wal', synchronous: 'full', foreignKeys: true }
		});
	});

	it('is an error when acknowledgements would not be durable', () => {
		const report = checkHealth(() => ({ ...durable, synchronous: () => 'normal' }), versions);
		expect(report.status).toBe('error');
		expect(report.database).toMatchObject({ ok: false, synchronous: 'normal' });
	});

	it('reports the reason when the database cannot be opened', () => {
		const report = checkHealth(() => {
			throw new Error('unable to open database file');
		}, versions);
		expect(report).toMatchObject({ status: 'error', database: { ok: false, error: 'unable to open database file' } });
	});
});
