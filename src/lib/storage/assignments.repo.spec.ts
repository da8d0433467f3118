import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createAssignmentsRepo } from './assignments.repo';
import { TazaLocalDatabase } from './database';
import { createProgressRepo } from './progress.repo';

const databases: TazaLocalDatabase[] = [];
afterEach(async () => Promise.all(databases.splice(0).map((db) => db.delete())));

function setup() {
	const db = new TazaLocalDatabase(`assignments-${Math.random()}`);
	databases.push(db);
	let n = 0;
	const newId = () => `0190b5a0-0000-7000-8000-${String(++n).padStart(12, '0')}`;
	const now = () => new Date('2026-05-05T10:00:00.000Z');
	return { db, repo: createAssignmentsRepo(db, now), progress: createProgressRepo(db, { deviceId: 'device-1', newId, now }) };
}

const HASH = 'a'.repeat(64);
const payload = { programmeId: 'teaching-integrity-interactively', submissionId: '0190b5a0-0000-7000-8000-00000000ffff', lessonPlan: '## Topic\nGifts', reflection: '## What happened\nGood', attachments: [HASH] };

describe('assignments on the device', () => {
	it('queues a submission’s photos for upload in the same transaction as the event and its outbox row', async () => {
		const { db, repo, progress } = setup();
		await repo.keepPhoto(HASH, new Blob([new Uint8Array([1, 2, 3])], { type: 'image/jpeg' }), 'image/jpeg');
		expect(await repo.pendingUploads(['aida'])).toEqual([]);
		const event = await repo.submit(progress, 'aida', payload);
		expect(event).toMatchObject({ type: 'assignment.submitted', subject: { kind: 'learner', id: 'aida' }, payload });
		expect((await repo.pendingUploads(['aida'])).map((row) => row.sha256)).toEqual([HASH]);
		expect(await db.outbox.get(event.id)).toMatchObject({ subjectId: 'aida' });

		await repo.markUploaded(HASH);
		expect(await repo.pendingUploads(['aida'])).toEqual([]);
		expect((await repo.attachment(HASH))?.uploadedAt).toBe('2026-05-05T10:00:00.000Z');
	});

	it('records nothing when a photo the submission names is not on the device', async () => {
		const { db, repo, progress } = setup();
		await expect(repo.submit(progress, 'aida', payload)).rejects.toThrow('not on this device');
		expect(await db.events.count()).toBe(0);
		expect(await db.outbox.count()).toBe(0);
	});

	it('keeps a draft per profile and programme, and finds the assignment events of a person', async () => {
		const { repo, progress } = setup();
		await repo.saveDraft({ profileId: 'aida', programmeId: payload.programmeId, plan: { topic: 'Gifts' }, reflection: {}, photos: [] });
		expect(await repo.draft('aida', payload.programmeId)).toMatchObject({ plan: { topic: 'Gifts' } });
		expect(await repo.draft('bakyt', payload.programmeId)).toBeUndefined();

		await progress.recordTrainingEvent(
			{ kind: 'learner', id: 'aida' },
			{ type: 'assignment.reviewed', payload: { programmeId: payload.programmeId, submissionId: payload.submissionId, verdict: 'returned', comment: 'Timing' } },
			{ recordedBy: 'trainer' }
		);
		expect((await repo.events(['aida'], payload.programmeId)).reviewed).toHaveLength(1);
		expect(await repo.reviewsBy('trainer', payload.programmeId)).toHaveLength(1);
		expect(await repo.reviewsBy('someone-else', payload.programmeId)).toHaveLength(0);
	});
});
