import type Database from 'better-sqlite3';
import type { TrainedPerson } from '$lib/training/targets-report';

export interface CompletionRow {
	personId: string;
	seminarId: string;
	regionCode: string;
	completedAt: string;
	displayName: string | null;
	schoolCode: string | null;
	schoolName: string | null;
	rural: number | null;
}

/**
 * Reads for the programme's figures: completed training records (already under the canonical person — a merged id's
 * rows are dropped when it is merged) with each person's current school. Reports read these summary rows, never events.
 */
export function createProgrammeRepo(sqlite: Database.Database) {
	const completions = sqlite.prepare(
		`select r.person_id as personId, r.seminar_id as seminarId, s.region_code as regionCode, r.completed_at as completedAt,
		        d.display_name as displayName, sc.code as schoolCode, sc.name as schoolName, sc.rural as rural
		   from training_records r
		   join seminars s on s.id = r.seminar_id
		   join people p on p.id = r.person_id and p.erased_at is null
		   left join person_details d on d.person_id = r.person_id
		   left join schools sc on sc.code = (select m.scope_id from memberships m where m.person_id = r.person_id and m.role = 'teacher' and m.scope_kind = 'school' and m.valid_to is null order by m.valid_from desc limit 1)
		  where r.completed_at is not null and s.cancelled_at is null`
	);
	const targets = sqlite.prepare('select code, target from programme_targets');
	return {
		async completions(): Promise<CompletionRow[]> {
			return completions.all() as CompletionRow[];
		},
		async targets(): Promise<Record<string, number>> {
			return Object.fromEntries((targets.all() as { code: string; target: number }[]).map((row) => [row.code, row.target]));
		}
	};
}

export type ProgrammeRepo = ReturnType<typeof createProgrammeRepo>;
export type { TrainedPerson };
