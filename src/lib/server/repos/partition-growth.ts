import { inArray, sql } from 'drizzle-orm';
import type { TazaDatabase } from '../db/connection';
import { changeLog, courseSummaries, partitionCounters } from '../db/schema';

type Transaction = Parameters<Parameters<TazaDatabase['transaction']>[0]>[0];

/**
 * A partition that grows — a child joins a class, an existing account joins an organisation — logs the newcomers'
 * existing summaries (DESIGN §4), so devices that already pulled it see them without starting over. Runs inside the
 * transaction that adds the membership, so the log never misses a summary folded in between.
 */
export function logExistingSummaries(tx: Transaction, partition: string, personIds: readonly string[], at: string): number {
	if (personIds.length === 0) return 0;
	const keys = tx
		.select({ personId: courseSummaries.personId, courseId: courseSummaries.courseId })
		.from(courseSummaries)
		.where(inArray(courseSummaries.personId, [...personIds]))
		.all()
		.map((row) => `${row.personId} ${row.courseId}`);
	if (keys.length === 0) return 0;
	const [{ lastSeq }] = tx
		.insert(partitionCounters)
		.values({ partition, lastSeq: keys.length })
		.onConflictDoUpdate({ target: partitionCounters.partition, set: { lastSeq: sql`${partitionCounters.lastSeq} + ${keys.length}` } })
		.returning({ lastSeq: partitionCounters.lastSeq })
		.all() as [{ lastSeq: number }];
	tx.insert(changeLog)
		.values(keys.map((entryKey, index) => ({ partition, seq: lastSeq - keys.length + 1 + index, entryKind: 'course-summary' as const, entryKey, at })))
		.run();
	return keys.length;
}
