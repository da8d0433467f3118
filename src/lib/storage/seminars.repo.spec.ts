import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { TazaLocalDatabase } from './database';
import { createSeminarsRepo } from './seminars.repo';

const at = new Date('2026-11-27T04:00:00Z');

describe('seminars on a trainer device', () => {
	it('keep a kit per seminar for the trainer who prepared it, the newest replacing the older', async () => {
		const db = new TazaLocalDatabase(`seminars-${Math.random()}`);
		const repo = createSeminarsRepo<{ version: number }>(db, () => at);
		await repo.saveKit('sem-1', 'trainer-a', { version: 1 });
		await repo.saveKit('sem-1', 'trainer-a', { version: 2 });
		await repo.saveKit('sem-2', 'trainer-b', { version: 1 });
		expect(await repo.kit('sem-1')).toEqual({ seminarId: 'sem-1', trainerId: 'trainer-a', savedAt: at.toISOString(), kit: { version: 2 } });
		expect((await repo.kitsOf('trainer-a')).map((row) => row.seminarId)).toEqual(['sem-1']);
		await db.delete();
	});

	it('queue each registration once, and keep it for the roster after the server took it', async () => {
		const db = new TazaLocalDatabase(`seminars-${Math.random()}`);
		const repo = createSeminarsRepo(db, () => at);
		const provisional = { displayName: 'Чолпон Асанова', phone: null, schoolCode: 'N-1' };
		expect(await repo.register('trainer-a', { seminarId: 'sem-1', personId: 'p-1', displayName: 'Чолпон Асанова', schoolCode: 'N-1', provisional })).toBe(true);
		expect(await repo.register('trainer-a', { seminarId: 'sem-1', personId: 'p-1', displayName: 'again', schoolCode: null, provisional: null })).toBe(false);
		await repo.register('trainer-a', { seminarId: 'sem-1', personId: 'p-2', displayName: 'Бакыт', schoolCode: null, provisional: null });
		await repo.register('trainer-b', { seminarId: 'sem-2', personId: 'p-3', displayName: 'Нурлан', schoolCode: null, provisional: null });
		expect((await repo.queued(['trainer-a'])).map((row) => [row.personId, row.provisional?.displayName ?? null])).toEqual([
			['p-1', 'Чолпон Асанова'],
			['p-2', null]
		]);
		await repo.markSent('sem-1', ['p-1']);
		expect((await repo.queued(['trainer-a'])).map((row) => row.personId)).toEqual(['p-2']);
		expect((await repo.registrations('sem-1')).map((row) => [row.personId, row.sentAt])).toEqual([
			['p-1', at.toISOString()],
			['p-2', null]
		]);
		await db.delete();
	});
});
