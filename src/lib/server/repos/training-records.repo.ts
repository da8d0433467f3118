import type Database from 'better-sqlite3';
import type { TrainingEvent } from '$lib/progress/training-events';
import { DEFAULT_COMPLETION_RULE, type CompletionRule } from '$lib/training/completion';
import { seminarRecords, seminarsOfPerson, type SeminarForRecords } from '$lib/training/seminar-records';

export const TRAINING_EVENT_TYPES_SQL = `('seminar.attended', 'assignment.submitted', 'assignment.reviewed')`;

function prepare(sqlite: Database.Database) {
	return {
		canonical: sqlite.prepare('select person_id from person_aliases where alias_id = ?').pluck(),
		aliasesOf: sqlite.prepare('select alias_id from person_aliases where person_id = ?').pluck(),
		// By subject id, not the person id resolved at ingest: a merge undone gives each id its own events back.
		eventsOf: sqlite.prepare(`select body from events where subject_id in (select value from json_each(?)) and type in ${TRAINING_EVENT_TYPES_SQL}`).pluck(),
		registeredIn: sqlite
			.prepare(
				`select distinct scope_id from memberships where person_id in (select value from json_each(?)) and role = 'learner' and scope_kind = 'seminar' and valid_to is null`
			)
			.pluck(),
		isRegistered: sqlite.prepare(`select 1 from memberships where person_id = ? and role = 'learner' and scope_kind = 'seminar' and scope_id = ? and valid_to is null`).pluck(),
		register: sqlite.prepare(
			`insert into memberships (id, person_id, role, scope_kind, scope_id, valid_from, valid_to, created_at, created_by) values (?, ?, 'learner', 'seminar', ?, ?, null, ?, ?)`
		),
		seminar: sqlite.prepare('select id, programme_id as programmeId, completion_rule as rule from seminars where id = ?'),
		sessions: sqlite.prepare('select session_id from seminar_sessions where seminar_id = ? order by ordinal').pluck(),
		bestTest: sqlite
			.prepare(
				`select max(json_extract(summary, '$.bestScorePercent')) from course_summaries where person_id in (select value from json_each(?)) and course_id = ?`
			)
			.pluck(),
		completedAt: sqlite.prepare('select completed_at from training_records where person_id = ? and seminar_id = ?').pluck(),
		upsert: sqlite.prepare(
			`insert into training_records (person_id, seminar_id, programme_id, rule_version, attended, required, best_test_percent, assignment, detail, completed_at, updated_at)
			 values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			 on conflict (person_id, seminar_id) do update set programme_id = excluded.programme_id, rule_version = excluded.rule_version,
			 attended = excluded.attended, required = excluded.required, best_test_percent = excluded.best_test_percent, assignment = excluded.assignment,
			 detail = excluded.detail, completed_at = excluded.completed_at, updated_at = excluded.updated_at`
		),
		dropRecordsOf: sqlite.prepare('delete from training_records where person_id = ?'),
		dropStale: sqlite.prepare(`delete from training_records where person_id = ? and seminar_id not in (select value from json_each(?))`)
	};
}

/**
 * A seminar's stored rule. One written by hand or by an older version without every field takes the default's for
 * the missing ones, so a bad row never fails a whole push: the record still folds, and says which rule made it.
 */
function storedRule(json: string): CompletionRule {
	let parsed: Partial<CompletionRule> = {};
	try {
		parsed = JSON.parse(json) as Partial<CompletionRule>;
	} catch {
		// Not JSON at all: the default alone.
	}
	return {
		version: typeof parsed.version === 'number' ? parsed.version : 0,
		minAttendanceShare: typeof parsed.minAttendanceShare === 'number' ? parsed.minAttendanceShare : DEFAULT_COMPLETION_RULE.minAttendanceShare,
		testPassPercent: typeof parsed.testPassPercent === 'number' || parsed.testPassPercent === null ? parsed.testPassPercent : DEFAULT_COMPLETION_RULE.testPassPercent,
		assignmentAccepted: typeof parsed.assignmentAccepted === 'boolean' ? parsed.assignmentAccepted : DEFAULT_COMPLETION_RULE.assignmentAccepted
	};
}

const prepared = new WeakMap<Database.Database, ReturnType<typeof prepare>>();

/**
 * Keeps `training_records` true to the events, inside a transaction the caller holds (ingest, a registration, a merge
 * or its undo). Each call rebuilds the named people's rows from all their events (seminar-records.ts).
 */
export function trainingRecordsWriter(sqlite: Database.Database, deps: { newId: () => string }) {
	let statements = prepared.get(sqlite);
	if (!statements) prepared.set(sqlite, (statements = prepare(sqlite)));
	const s = statements;

	const canonicalOf = (personId: string) => (s.canonical.get(personId) as string | undefined) ?? personId;

	return {
		/** Registers a person in a seminar unless they are already; a check-in of someone not yet registered does too. */
		ensureRegistered(personId: string, seminarId: string, at: string, byAccount: string): boolean {
			if (s.isRegistered.get(personId, seminarId)) return false;
			s.register.run(deps.newId(), personId, seminarId, at, at, byAccount);
			return true;
		},

		/** Rebuilds the rows of these people (any id: an alias is refreshed as the person it names). */
		refresh(personIds: Iterable<string>, at: string): void {
			const done = new Set<string>();
			for (const given of personIds) {
				const personId = canonicalOf(given);
				if (done.has(personId)) continue;
				done.add(personId);
				const aliases = s.aliasesOf.all(personId) as string[];
				// An alias's own rows would count the person twice.
				for (const alias of aliases) s.dropRecordsOf.run(alias);
				const ids = JSON.stringify([personId, ...aliases]);
				const events = (s.eventsOf.all(ids) as string[]).map((body) => JSON.parse(body) as TrainingEvent);
				const seminarIds = seminarsOfPerson(s.registeredIn.all(ids) as string[], events);
				const seminars: SeminarForRecords[] = [];
				for (const seminarId of seminarIds) {
					const row = s.seminar.get(seminarId) as { id: string; programmeId: string; rule: string } | undefined;
					if (!row) continue;
					seminars.push({ seminarId, programmeId: row.programmeId, rule: storedRule(row.rule), sessionIds: s.sessions.all(seminarId) as string[] });
				}
				const rows = seminarRecords({ events, seminars, bestTestPercent: (programmeId) => (s.bestTest.get(ids, programmeId) as number | null) ?? null });
				s.dropStale.run(personId, JSON.stringify(rows.map((row) => row.seminarId)));
				for (const row of rows) {
					const before = s.completedAt.get(personId, row.seminarId) as string | null | undefined;
					// The day the rule was first met stays, so a later event never moves a person between months.
					const completedAt = row.completion.complete ? (before ?? at) : null;
					s.upsert.run(
						personId,
						row.seminarId,
						row.programmeId,
						row.ruleVersion,
						row.completion.attended,
						row.completion.required,
						row.bestTestPercent,
						row.record.assignment,
						JSON.stringify({ record: row.record, completion: row.completion, firstAttendedAt: row.firstAttendedAt }),
						completedAt,
						at
					);
				}
			}
		}
	};
}

export type TrainingRecordsWriter = ReturnType<typeof trainingRecordsWriter>;

/** What ingest asks about seminars while sorting pushed training events. */
export function createTrainingLookups(sqlite: Database.Database) {
	const seminar = sqlite.prepare('select programme_id as programmeId, check_in_key as checkInKey from seminars where id = ? and cancelled_at is null');
	const sessions = sqlite.prepare('select session_id from seminar_sessions where seminar_id = ? order by ordinal').pluck();
	// The person's own registrations and those of every id merged into them.
	const registeredIn = sqlite
		.prepare(
			`select distinct scope_id from memberships where (person_id = @personId or person_id in (select alias_id from person_aliases where person_id = @personId))
			   and role = 'learner' and scope_kind = 'seminar' and valid_to is null`
		)
		.pluck();
	return {
		async seminar(seminarId: string): Promise<{ programmeId: string; checkInKey: string; sessionIds: string[] } | undefined> {
			const row = seminar.get(seminarId) as { programmeId: string; checkInKey: string } | undefined;
			return row && { ...row, sessionIds: sessions.all(seminarId) as string[] };
		},
		/** The seminars a person is registered in, under their own id or any id merged into them. */
		async registeredIn(personId: string): Promise<string[]> {
			return registeredIn.all({ personId }) as string[];
		}
	};
}

export type TrainingLookups = ReturnType<typeof createTrainingLookups>;
