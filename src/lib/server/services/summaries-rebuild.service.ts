import { isDeepStrictEqual } from 'node:util';
import type { CourseEvent } from '$lib/progress/course-events';
import { compareText } from '$lib/progress/fold';
import { RULE_VERSION, type CourseSummary } from '$lib/progress/course-summary';
import type { GroupCursor, RebuiltRow, SummariesRebuildRepo, SummaryGroup } from '../repos/summaries-rebuild.repo';
import type { CourseFold } from './course-fold';

/** What one group's rebuild found, beside the row to write. */
export interface GroupOutcome {
	row: RebuiltRow;
	/** completed_at was empty and the rebuilt summary is mastered: it is set now. */
	completedAtSet: boolean;
	/** completed_at was kept although the rebuilt summary is not mastered (the rule or the catalogue changed since). */
	completedAtKeptUnmastered: boolean;
}

function sameSummary(stored: string, rebuilt: CourseSummary): boolean {
	try {
		// Compared as values, not text: key order is no reason to rewrite a row and log a change.
		return isDeepStrictEqual(JSON.parse(stored), rebuilt);
	} catch {
		return false;
	}
}

/**
 * A person's summary of one course, folded again from every stored event with the ingest fold.
 *
 * `completed_at` says when the server first held a set of events that masters the course. A value already stored is
 * kept: it is what reports and certificates have shown. Where it is empty and the rebuilt summary is mastered, it
 * becomes the receipt time of the batch that first made the events mastered — the time ingest would have written had
 * today's rule been in force then — not the time of the rebuild, so that fixing a rule never makes a learner who
 * finished before a deadline look late. Mastery only grows as events are added (every field is a join), so folding
 * the batches in the order they were received finds that batch.
 */
export function rebuildGroup(fold: CourseFold, group: SummaryGroup): GroupOutcome {
	const events = group.events.map((event) => ({ receivedAt: event.receivedAt, event: JSON.parse(event.body) as CourseEvent }));
	const summary = fold.applyAll(undefined, events.map(({ event }) => event), group.personId);
	if (summary === undefined) throw new RangeError(`no events for ${group.personId} ${group.courseId}: nothing to rebuild from`);
	const kept = group.stored?.completedAt ?? null;
	const mastered = fold.mastered(group.courseId, summary);
	const completedAt = kept ?? (mastered ? firstMasteredAt(fold, group, events) : null);
	const outcome = { completedAtSet: kept === null && completedAt !== null, completedAtKeptUnmastered: kept !== null && !mastered };
	const stored = group.stored;
	if (stored && stored.ruleVersion === RULE_VERSION && stored.completedAt === completedAt && sameSummary(stored.summary, summary)) {
		return { row: { changed: false }, ...outcome };
	}
	return { row: { changed: true, ruleVersion: RULE_VERSION, summary: JSON.stringify(summary), completedAt }, ...outcome };
}

/** The receipt time of the first batch after which the events received so far master the course. */
function firstMasteredAt(fold: CourseFold, group: SummaryGroup, events: readonly { receivedAt: string; event: CourseEvent }[]): string | null {
	const batches = new Map<string, CourseEvent[]>();
	for (const { receivedAt, event } of events) {
		const batch = batches.get(receivedAt);
		if (batch) batch.push(event);
		else batches.set(receivedAt, [event]);
	}
	let summary: CourseSummary | undefined;
	for (const receivedAt of [...batches.keys()].sort(compareText)) {
		summary = fold.applyAll(summary, batches.get(receivedAt)!, group.personId);
		if (fold.mastered(group.courseId, summary)) return receivedAt;
	}
	return null;
}

export interface RebuildReport {
	/** (person, course) pairs that have events, each rebuilt. */
	summaries: number;
	events: number;
	created: number;
	changed: number;
	unchanged: number;
	completedAtSet: number;
	completedAtKeptUnmastered: number;
	/** Summary rows with no event behind them, left as they are. */
	withoutEvents: number;
	transactions: number;
}

export interface SummariesRebuildDependencies {
	summaries: SummariesRebuildRepo;
	fold: CourseFold;
	now: () => Date;
}

/** `npm run summaries:rebuild` (DESIGN §3: each summary records its rule's version, so it can be rebuilt from events). */
export function createSummariesRebuildService(deps: SummariesRebuildDependencies) {
	return {
		/** Every summary, `pageSize` pairs per transaction; `onPage` sees the running totals after each commit. */
		async rebuildAll(options: { pageSize?: number; onPage?: (report: RebuildReport) => void } = {}): Promise<RebuildReport> {
			const report: RebuildReport = { summaries: 0, events: 0, created: 0, changed: 0, unchanged: 0, completedAtSet: 0, completedAtKeptUnmastered: 0, withoutEvents: 0, transactions: 0 };
			let cursor: GroupCursor | null = null;
			for (;;) {
				let completedAtSet = 0;
				let keptUnmastered = 0;
				const page = await deps.summaries.rebuildPage({
					after: cursor,
					limit: options.pageSize ?? 500,
					at: deps.now().toISOString(),
					rebuild: (group) => {
						const outcome = rebuildGroup(deps.fold, group);
						if (outcome.completedAtSet) completedAtSet += 1;
						if (outcome.completedAtKeptUnmastered) keptUnmastered += 1;
						return outcome.row;
					}
				});
				if (page.cursor === null) break;
				cursor = page.cursor;
				// Counted after the commit: a page that threw and rolled back counts nothing.
				report.transactions += 1;
				report.summaries += page.groups;
				report.events += page.events;
				report.created += page.created;
				report.changed += page.changed;
				report.unchanged += page.groups - page.created - page.changed;
				report.completedAtSet += completedAtSet;
				report.completedAtKeptUnmastered += keptUnmastered;
				options.onPage?.({ ...report });
			}
			report.withoutEvents = await deps.summaries.countWithoutEvents();
			return report;
		}
	};
}

export type SummariesRebuildService = ReturnType<typeof createSummariesRebuildService>;
