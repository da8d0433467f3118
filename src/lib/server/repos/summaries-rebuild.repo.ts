import type Database from 'better-sqlite3';
import { changeLogWriter } from './sync.repo';

/** A person's stored events of one course, and the summary row the server holds for them (if any). */
export interface SummaryGroup {
	personId: string;
	courseId: string;
	/** In index order (not sorted): the rebuild orders them itself. */
	events: { id: string; receivedAt: string; body: string }[];
	stored: { ruleVersion: number; summary: string; completedAt: string | null } | undefined;
}

/** What the rebuild decided for one group: nothing to write, or the row as it must be. */
export type RebuiltRow = { changed: false } | { changed: true; ruleVersion: number; summary: string; completedAt: string | null };

/** Where the walk over (person, course) pairs has reached: the last pair done. */
export type GroupCursor = { personId: string; courseId: string };

function prepare(sqlite: Database.Database) {
	return {
		// Row values keep both reads on the (person_id, course_id) index: a range scan per page, never a full sort.
		nextGroups: sqlite.prepare(
			`select distinct person_id as personId, course_id as courseId from events
			 where (person_id, course_id) > (?, ?) and course_id is not null order by person_id, course_id limit ?`
		),
		eventsBetween: sqlite.prepare(
			`select person_id as personId, course_id as courseId, id, received_at as receivedAt, body from events
			 where (person_id, course_id) > (?, ?) and (person_id, course_id) <= (?, ?) and course_id is not null`
		),
		summariesBetween: sqlite.prepare(
			`select person_id as personId, course_id as courseId, rule_version as ruleVersion, summary, completed_at as completedAt from course_summaries
			 where (person_id, course_id) > (?, ?) and (person_id, course_id) <= (?, ?)`
		),
		upsertSummary: sqlite.prepare(
			`insert into course_summaries (person_id, course_id, rule_version, summary, completed_at, updated_at) values (?, ?, ?, ?, ?, ?)
			 on conflict (person_id, course_id) do update set rule_version = excluded.rule_version, summary = excluded.summary,
			 completed_at = excluded.completed_at, updated_at = excluded.updated_at`
		),
		summariesWithoutEvents: sqlite.prepare(
			`select count(*) from course_summaries s where not exists (select 1 from events e where e.person_id = s.person_id and e.course_id = s.course_id)`
		).pluck()
	};
}

/**
 * Reads course summaries back from the events, page by page of (person, course) pairs in index order, so millions of
 * events never sit in memory at once. Each page is one transaction (DESIGN §7), taken immediately so a running
 * server's ingest waits for it instead of failing to upgrade its read.
 */
export function createSummariesRebuildRepo(sqlite: Database.Database) {
	const statements = prepare(sqlite);
	const changeLog = changeLogWriter(sqlite);

	return {
		/**
		 * Rebuilds the next `limit` pairs after `after` (from the start when null): hands each group to `rebuild`,
		 * writes the rows it changed and logs each change in every partition that shows it, as ingest does, so
		 * devices pull the corrected summary. `cursor` is null when no pair was left.
		 */
		async rebuildPage(input: {
			after: GroupCursor | null;
			limit: number;
			at: string;
			rebuild: (group: SummaryGroup) => RebuiltRow;
		}): Promise<{ cursor: GroupCursor | null; groups: number; events: number; created: number; changed: number }> {
			return sqlite
				.transaction(() => {
					const from = input.after ?? { personId: '', courseId: '' };
					const pairs = statements.nextGroups.all(from.personId, from.courseId, input.limit) as GroupCursor[];
					const last = pairs.at(-1);
					if (!last) return { cursor: null, groups: 0, events: 0, created: 0, changed: 0 };
					const bounds = [from.personId, from.courseId, last.personId, last.courseId];
					const groups = new Map<string, SummaryGroup>(pairs.map((pair) => [`${pair.personId} ${pair.courseId}`, { ...pair, events: [], stored: undefined }]));
					let events = 0;
					for (const row of statements.eventsBetween.iterate(...bounds) as Iterable<GroupCursor & SummaryGroup['events'][number]>) {
						groups.get(`${row.personId} ${row.courseId}`)!.events.push({ id: row.id, receivedAt: row.receivedAt, body: row.body });
						events += 1;
					}
					for (const row of statements.summariesBetween.all(...bounds) as (GroupCursor & NonNullable<SummaryGroup['stored']>)[]) {
						const group = groups.get(`${row.personId} ${row.courseId}`);
						if (group) group.stored = { ruleVersion: row.ruleVersion, summary: row.summary, completedAt: row.completedAt };
					}
					let created = 0;
					let changed = 0;
					const keysByPartition = new Map<string, string[]>();
					for (const [key, group] of groups) {
						const row = input.rebuild(group);
						if (!row.changed) continue;
						if (group.stored) changed += 1;
						else created += 1;
						statements.upsertSummary.run(group.personId, group.courseId, row.ruleVersion, row.summary, row.completedAt, input.at);
						for (const partition of changeLog.partitionsShowing(group.personId, input.at)) {
							const keys = keysByPartition.get(partition);
							if (keys) keys.push(key);
							else keysByPartition.set(partition, [key]);
						}
					}
					for (const [partition, keys] of keysByPartition) changeLog.append(partition, keys, input.at);
					return { cursor: { personId: last.personId, courseId: last.courseId }, groups: groups.size, events, created, changed };
				})
				.immediate();
		},

		/** Summary rows with no event behind them (written by hand, or their events erased): the rebuild leaves them be. */
		async countWithoutEvents(): Promise<number> {
			return statements.summariesWithoutEvents.get() as number;
		}
	};
}

export type SummariesRebuildRepo = ReturnType<typeof createSummariesRebuildRepo>;
