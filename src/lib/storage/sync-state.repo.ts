import type { ProgressEvent } from '$lib/progress/progress-event';
import { mergeCourseSummaries, RULE_VERSION, type CourseSummary } from '$lib/progress/course-summary';
import type { OutboxRow, TazaLocalDatabase } from './database';
import { currentLocalSummary } from './progress.repo';

const LAST_SYNCED_KEY = 'sync.lastSyncedAt';

/**
 * What the sync loop reads and writes on the device: the outbox, the per-partition cursors and the summaries pulled
 * from the server. Each method is one Dexie transaction, so a crash between two never leaves half a step behind.
 */
export function createSyncStateRepo(db: TazaLocalDatabase, now: () => Date = () => new Date()) {
	return {
		/** The oldest unsent events recorded under these subject ids (a profile's id and the guest ids it took over). */
		async pending(subjectIds: readonly string[], limit: number): Promise<{ row: OutboxRow; event: ProgressEvent }[]> {
			return db.transaction('r', [db.outbox, db.events], async () => {
				const rows = (await db.outbox.where('subjectId').anyOf([...subjectIds]).toArray()).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).slice(0, limit);
				const events = await db.events.bulkGet(rows.map((row) => row.id));
				return rows.flatMap((row, index) => (events[index] ? [{ row, event: events[index] }] : []));
			});
		},

		/** The server holds these (stored, duplicate, deferred or rejected): they leave the outbox, never the events. */
		async acknowledge(eventIds: readonly string[]): Promise<void> {
			await db.transaction('rw', [db.outbox, db.settings], async () => {
				await db.outbox.bulkDelete([...eventIds]);
				await db.settings.put({ key: LAST_SYNCED_KEY, value: now().toISOString(), updatedAt: now().toISOString() });
			});
		},

		/** A pass that ended cleanly: everything this device could send is sent, and it knows what the server has. */
		async markSynced(): Promise<void> {
			await db.settings.put({ key: LAST_SYNCED_KEY, value: now().toISOString(), updatedAt: now().toISOString() });
		},

		async cursors(profileId: string): Promise<Record<string, number>> {
			const rows = await db.cursors.where('profileId').equals(profileId).toArray();
			return Object.fromEntries(rows.map((row) => [row.partition, row.cursor]));
		},

		/**
		 * Applies one pulled page and its cursor together (G6). The profile's own partition joins into its summaries;
		 * a class's or an organisation's is kept as pulled, for the teacher's and the administrator's views.
		 */
		async applyPulledPage(input: { profileId: string; ownPartition: string; partition: string; cursor: number; summaries: readonly CourseSummary[] }): Promise<void> {
			await db.transaction('rw', [db.events, db.summaries, db.pulledSummaries, db.cursors, db.settings], async () => {
				const stored = await db.cursors.get([input.profileId, input.partition]);
				// A page from before what this device already applied (a reordered or repeated answer) changes nothing.
				if (stored && stored.cursor >= input.cursor) return;
				for (const summary of input.summaries) {
					if (summary.ruleVersion !== RULE_VERSION) continue;
					if (input.partition === input.ownPartition) {
						const local = await currentLocalSummary(db, summary.subjectId, summary.courseId);
						// The server's first: for a test attempt both sides hold, its re-grade is the evidence and the
						// phone's score only a display (DESIGN §3), and a join keeps the first of two equal attempts.
						const joined = local ? mergeCourseSummaries(summary, local) : summary;
						await db.summaries.put(joined);
					} else {
						await db.pulledSummaries.put({ profileId: input.profileId, partition: input.partition, subjectId: summary.subjectId, courseId: summary.courseId, summary });
					}
				}
				await db.cursors.put({ profileId: input.profileId, partition: input.partition, cursor: input.cursor, updatedAt: now().toISOString() });
				await db.settings.put({ key: LAST_SYNCED_KEY, value: now().toISOString(), updatedAt: now().toISOString() });
			});
		},

		/** A partition the profile may no longer read (a class handed over): its cursor and copies go. */
		async forgetPartitions(profileId: string, readable: readonly string[]): Promise<void> {
			await db.transaction('rw', [db.cursors, db.pulledSummaries], async () => {
				const gone = (await db.cursors.where('profileId').equals(profileId).toArray()).filter((row) => !readable.includes(row.partition));
				for (const row of gone) {
					await db.cursors.delete([profileId, row.partition]);
					await db.pulledSummaries.where('[profileId+partition]').equals([profileId, row.partition]).delete();
				}
			});
		},

		/** How many events recorded under these subject ids wait to be sent (a profile about to leave the device). */
		async waitingFor(subjectIds: readonly string[]): Promise<number> {
			return db.outbox.where('subjectId').anyOf([...subjectIds]).count();
		},

		/** For the status line: how many actions wait, since when, and when the last exchange succeeded. */
		async status(): Promise<{ waiting: number; oldestWaitingAt: string | null; lastSyncedAt: string | null }> {
			return db.transaction('r', [db.outbox, db.settings], async () => {
				const waiting = await db.outbox.count();
				let oldest: string | null = null;
				await db.outbox.each((row) => {
					if (oldest === null || row.queuedAt < oldest) oldest = row.queuedAt;
				});
				const lastSynced = (await db.settings.get(LAST_SYNCED_KEY))?.value;
				return { waiting, oldestWaitingAt: oldest, lastSyncedAt: typeof lastSynced === 'string' ? lastSynced : null };
			});
		},

		/** Summaries pulled for a partition (a teacher's class), for pages that show them offline. */
		async pulledSummaries(profileId: string, partition: string): Promise<CourseSummary[]> {
			return (await db.pulledSummaries.where('[profileId+partition]').equals([profileId, partition]).toArray()).map((row) => row.summary);
		}
	};
}

export type SyncStateRepo = ReturnType<typeof createSyncStateRepo>;
