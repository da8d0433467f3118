import type { AssignmentReviewedPayload, AssignmentSubmittedPayload, TrainingEvent } from '$lib/progress/training-events';
import type { AssignmentCacheRow, AssignmentDraftRow, AttachmentRow, TazaLocalDatabase } from './database';
import type { ProgressRepo } from './progress.repo';

export type SubmittedEvent = Extract<TrainingEvent, { type: 'assignment.submitted' }>;
export type ReviewedEvent = Extract<TrainingEvent, { type: 'assignment.reviewed' }>;

/**
 * Practical assignments on the device: photos by hash with their upload queue, drafts, cached answers for offline
 * review, and the assignment events recorded here.
 */
export function createAssignmentsRepo(db: TazaLocalDatabase, now: () => Date = () => new Date()) {
	return {
		async attachment(sha256: string): Promise<AttachmentRow | undefined> {
			return db.attachments.get(sha256);
		},

		/** Keeps a photo; one already here (the same bytes) is left as it is, queue state and all. */
		async keepPhoto(sha256: string, blob: Blob, contentType: string): Promise<void> {
			await db.transaction('rw', db.attachments, async () => {
				if (await db.attachments.get(sha256)) return;
				await db.attachments.add({ sha256, blob, contentType, bytes: blob.size, createdAt: now().toISOString(), uploadedAt: null });
			});
		},

		/** Photos waiting to be sent under one of these profile ids' token. */
		async pendingUploads(ownerIds: readonly string[]): Promise<AttachmentRow[]> {
			if (ownerIds.length === 0) return [];
			return db.attachments.where('uploadOwner').anyOf([...ownerIds]).toArray();
		},

		async markUploaded(sha256: string): Promise<void> {
			await db.attachments.where('sha256').equals(sha256).modify((row) => {
				delete row.uploadOwner;
				row.uploadedAt = now().toISOString();
			});
		},

		async markRefused(sha256: string, reason: string): Promise<void> {
			await db.attachments.where('sha256').equals(sha256).modify((row) => {
				delete row.uploadOwner;
				row.refused = reason;
			});
		},

		async draft(profileId: string, programmeId: string): Promise<AssignmentDraftRow | undefined> {
			return db.assignmentDrafts.get([profileId, programmeId]);
		},

		async saveDraft(draft: Omit<AssignmentDraftRow, 'updatedAt'>): Promise<void> {
			await db.assignmentDrafts.put({ ...draft, updatedAt: now().toISOString() });
		},

		/**
		 * Records the submission and queues its photos for upload in one transaction: the event is never pushed without
		 * its photos being on their way (the sync pass sends photos first).
		 */
		async submit(progress: ProgressRepo, learnerId: string, payload: AssignmentSubmittedPayload): Promise<SubmittedEvent> {
			return db.transaction('rw', [db.events, db.settings, db.outbox, db.attachments], async () => {
				for (const sha256 of payload.attachments) {
					const row = await db.attachments.get(sha256);
					if (!row) throw new Error(`photo ${sha256} is not on this device`);
					if (row.uploadedAt === null) await db.attachments.update(sha256, { uploadOwner: learnerId });
				}
				return (await progress.recordTrainingEvent({ kind: 'learner', id: learnerId }, { type: 'assignment.submitted', payload })) as SubmittedEvent;
			});
		},

		/** The assignment events of these subjects, or recorded by this person, recorded on this device. */
		async events(subjectIds: readonly string[], programmeId: string): Promise<{ submitted: SubmittedEvent[]; reviewed: ReviewedEvent[] }> {
			const ids = new Set(subjectIds);
			const found = (await db.events
				.where('type')
				.anyOf(['assignment.submitted', 'assignment.reviewed'])
				.filter((event) => ids.has(event.subject.id) && (event.payload as { programmeId?: string }).programmeId === programmeId)
				.toArray()) as (SubmittedEvent | ReviewedEvent)[];
			return {
				submitted: found.filter((event): event is SubmittedEvent => event.type === 'assignment.submitted'),
				reviewed: found.filter((event): event is ReviewedEvent => event.type === 'assignment.reviewed')
			};
		},

		/** Reviews this trainer recorded on this device (synced or not). */
		async reviewsBy(trainerId: string, programmeId: string): Promise<ReviewedEvent[]> {
			return (await db.events
				.where('type')
				.equals('assignment.reviewed')
				.filter((event) => event.recordedBy === trainerId && (event.payload as AssignmentReviewedPayload).programmeId === programmeId)
				.toArray()) as ReviewedEvent[];
		},

		async cached<T>(key: string): Promise<{ fetchedAt: string; value: T } | undefined> {
			const row = await db.assignmentCache.get(key);
			return row ? { fetchedAt: row.fetchedAt, value: row.value as T } : undefined;
		},

		async cache(key: string, value: unknown): Promise<void> {
			const row: AssignmentCacheRow = { key, fetchedAt: now().toISOString(), value };
			await db.assignmentCache.put(row);
		}
	};
}

export type AssignmentsRepo = ReturnType<typeof createAssignmentsRepo>;
