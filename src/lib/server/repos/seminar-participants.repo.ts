import type Database from 'better-sqlite3';
import type { AssignmentState, Completion } from '$lib/training/completion';
import type { OwnTrainingRecord } from '$lib/training/own-training';
import { auditWriter } from './audit-writer';
import { trainingRecordsWriter } from './training-records.repo';

export interface ParticipantRecord {
	personId: string;
	displayName: string | null;
	schoolCode: string | null;
	provisional: boolean;
	attended: string[];
	assignment: AssignmentState;
	bestTestPercent: number | null;
	completion: Completion | null;
}

/** A registration as a trainer's device queued it: an existing person, or one created on the spot. */
export type Registration = { personId: string } | { personId: string; provisional: { displayName: string; phone: string | null; schoolCode: string } };

export interface SeminarCounts {
	participants: number;
	attended: number;
	completed: number;
	/** Kyrgyzstan day of the earliest attendance recorded (events' device time); null while none. */
	firstAttendedAt: string | null;
}

/**
 * Who takes part in a seminar, and their records: registrations (including people created offline), duplicate flags
 * and the rows of `training_records`. Plain SQL on the process connection, so a registration and the training records
 * it changes commit together. Each method is one transaction (DESIGN §7).
 */
export function createSeminarParticipantsRepo(sqlite: Database.Database, deps: { newId: () => string }) {
	const records = trainingRecordsWriter(sqlite, deps);
	const statements = {
		participants: sqlite.prepare(
			`select m.person_id as personId, d.display_name as displayName,
			        (select s.scope_id from memberships s where s.person_id = m.person_id and s.role = 'teacher' and s.scope_kind = 'school' and s.valid_to is null order by s.valid_from desc limit 1) as schoolCode,
			        (p.person_id is not null and not exists (select 1 from accounts a where a.person_id = m.person_id)) as provisional,
			        r.detail as detail, r.best_test_percent as bestTestPercent, r.assignment as assignment
			   from memberships m
			   left join person_details d on d.person_id = m.person_id
			   left join provisional_people p on p.person_id = m.person_id
			   left join training_records r on r.person_id = coalesce((select person_id from person_aliases where alias_id = m.person_id), m.person_id) and r.seminar_id = m.scope_id
			  where m.role = 'learner' and m.scope_kind = 'seminar' and m.scope_id = ? and m.valid_to is null
			  order by d.display_name collate nocase, m.person_id`
		),
		counts: sqlite.prepare(
			`select m.scope_id as seminarId, count(distinct coalesce(a.person_id, m.person_id)) as participants
			   from memberships m left join person_aliases a on a.alias_id = m.person_id
			  where m.role = 'learner' and m.scope_kind = 'seminar' and m.valid_to is null group by m.scope_id`
		),
		// From the summary rows, never the events (DESIGN §7): the earliest attendance each participant's record holds.
		recordCounts: sqlite.prepare(
			`select seminar_id as seminarId, sum(attended > 0) as attended, sum(completed_at is not null) as completed,
			        min(json_extract(detail, '$.firstAttendedAt')) as firstAttendedAt
			   from training_records group by seminar_id`
		),
		completedAt: sqlite.prepare('select completed_at from training_records where person_id = ? and seminar_id = ?').pluck(),
		recordsOf: sqlite.prepare(
			`select r.seminar_id as seminarId, r.programme_id as programmeId, s.region_code as regionCode, s.centre as centre, s.starts_on as startsOn, s.ends_on as endsOn,
			        r.detail as detail, r.best_test_percent as bestTestPercent, r.completed_at as completedAt
			   from training_records r join seminars s on s.id = r.seminar_id where r.person_id = ? order by s.starts_on desc`
		),
		provisionalIn: sqlite
			.prepare(
				`select d.display_name from provisional_people p join person_details d on d.person_id = p.person_id
				  where p.person_id = ? and not exists (select 1 from accounts a where a.person_id = p.person_id)
				    and not exists (select 1 from person_aliases x where x.alias_id = p.person_id)
				    and exists (select 1 from memberships m where m.person_id = p.person_id and m.role = 'learner' and m.scope_kind = 'seminar' and m.scope_id = ? and m.valid_to is null)`
			)
			.pluck(),
		markBound: sqlite.prepare('update provisional_people set bound_at = ? where person_id = ?'),
		personExists: sqlite.prepare('select 1 from people where id = ? and erased_at is null').pluck(),
		canonical: sqlite.prepare('select person_id from person_aliases where alias_id = ?').pluck(),
		schoolExists: sqlite.prepare('select 1 from schools where code = ?').pluck(),
		insertPerson: sqlite.prepare('insert into people (id, created_at) values (?, ?)'),
		insertDetails: sqlite.prepare('insert into person_details (person_id, display_name, phone) values (?, ?, ?)'),
		insertProvisional: sqlite.prepare('insert into provisional_people (person_id, seminar_id, created_by, created_at) values (?, ?, ?, ?)'),
		insertSchoolMembership: sqlite.prepare(
			`insert into memberships (id, person_id, role, scope_kind, scope_id, valid_from, valid_to, created_at, created_by) values (?, ?, 'teacher', 'school', ?, ?, null, ?, ?)`
		),
		// A phone given on the spot matches a phone kept with someone's details or someone's phone login (+996…).
		samePhone: sqlite
			.prepare(
				`select person_id from person_details where phone = @phone and person_id != @personId
				 union select a.person_id from login_names l join accounts a on a.id = l.account_id where l.kind = 'phone' and l.login = @phone and a.person_id != @personId`
			)
			.pluck(),
		// Names are compared in JavaScript: SQLite's lower() folds ASCII only, and these names are Cyrillic.
		namesAtSchool: sqlite.prepare(
			`select d.person_id as personId, d.display_name as displayName from person_details d
			   join memberships s on s.person_id = d.person_id and s.role = 'teacher' and s.scope_kind = 'school' and s.scope_id = ? and s.valid_to is null
			  where d.person_id != ?`
		),
		isAlias: sqlite.prepare('select 1 from person_aliases where alias_id = ?').pluck(),
		insertFlag: sqlite.prepare(`insert or ignore into duplicate_flags (id, person_id, other_person_id, reason, created_at) values (?, ?, ?, ?, ?)`)
	};

	const audit = auditWriter(sqlite);

	return {
		async participants(seminarId: string): Promise<ParticipantRecord[]> {
			const rows = statements.participants.all(seminarId) as {
				personId: string;
				displayName: string | null;
				schoolCode: string | null;
				provisional: number;
				detail: string | null;
				bestTestPercent: number | null;
				assignment: AssignmentState | null;
			}[];
			return rows.map((row) => {
				const detail = row.detail === null ? null : (JSON.parse(row.detail) as { record: { attendedSessions: string[] }; completion: Completion });
				return {
					personId: row.personId,
					displayName: row.displayName,
					schoolCode: row.schoolCode,
					provisional: row.provisional === 1,
					attended: detail?.record.attendedSessions ?? [],
					assignment: row.assignment ?? 'none',
					bestTestPercent: row.bestTestPercent,
					completion: detail?.completion ?? null
				};
			});
		},

		/** Per seminar: people registered, with attendance, who completed, and the first attendance recorded. */
		async counts(): Promise<Map<string, SeminarCounts>> {
			const bySeminar = new Map<string, SeminarCounts>();
			const entry = (seminarId: string) => {
				let counts = bySeminar.get(seminarId);
				if (!counts) bySeminar.set(seminarId, (counts = { participants: 0, attended: 0, completed: 0, firstAttendedAt: null }));
				return counts;
			};
			for (const row of statements.counts.all() as { seminarId: string; participants: number }[]) entry(row.seminarId).participants = row.participants;
			for (const row of statements.recordCounts.all() as { seminarId: string; attended: number; completed: number; firstAttendedAt: string | null }[]) {
				Object.assign(entry(row.seminarId), { attended: row.attended, completed: row.completed, firstAttendedAt: row.firstAttendedAt });
			}
			return bySeminar;
		},

		/** The person a (possibly merged) id counts as, and when they met the seminar's rule; null while they have not. */
		async completion(personId: string, seminarId: string): Promise<{ personId: string; completedAt: string | null }> {
			const canonical = (statements.canonical.get(personId) as string | undefined) ?? personId;
			return { personId: canonical, completedAt: (statements.completedAt.get(canonical, seminarId) as string | null | undefined) ?? null };
		},

		/** A person's own records at every seminar they belong to, newest seminar first. */
		async recordsOf(personId: string): Promise<OwnTrainingRecord[]> {
			const rows = statements.recordsOf.all(personId) as (Omit<OwnTrainingRecord, 'completion'> & { detail: string })[];
			return rows.map(({ detail, ...row }) => ({ ...row, completion: (JSON.parse(detail) as { completion: Completion }).completion }));
		},

		/** The name of a person created on the spot in this seminar who has no account yet (and is not merged away). */
		async provisionalName(personId: string, seminarId: string): Promise<string | null | undefined> {
			return statements.provisionalIn.get(personId, seminarId) as string | null | undefined;
		},

		async markBound(personId: string, at: string): Promise<void> {
			statements.markBound.run(at, personId);
		},

		/** Which of these school codes exist (the service refuses a registration naming another). */
		async unknownSchools(codes: readonly string[]): Promise<string[]> {
			return [...new Set(codes)].filter((code) => !statements.schoolExists.get(code));
		},

		/**
		 * Registers people in a seminar, creating the provisional ones a trainer made offline. Idempotent by person id:
		 * a registration resent after a lost answer changes nothing. A new person who shares a phone, or a name and a
		 * school, with someone is flagged for an administrator. Training records are rebuilt for everyone registered,
		 * since attendance may have arrived before the registration.
		 */
		async register(input: { seminarId: string; registrations: readonly Registration[]; byAccount: string; at: string }): Promise<{ registered: string[]; unknown: string[]; flagged: number }> {
			return sqlite.transaction(() => {
				const registered: string[] = [];
				const unknown: string[] = [];
				let flagged = 0;
				for (const registration of input.registrations) {
					const { personId } = registration;
					if ('provisional' in registration && !statements.personExists.get(personId) && !statements.isAlias.get(personId)) {
						const { displayName, phone, schoolCode } = registration.provisional;
						statements.insertPerson.run(personId, input.at);
						statements.insertDetails.run(personId, displayName, phone);
						statements.insertProvisional.run(personId, input.seminarId, input.byAccount, input.at);
						statements.insertSchoolMembership.run(deps.newId(), personId, schoolCode, input.at, input.at, input.byAccount);
						audit({
							id: deps.newId(),
							at: input.at,
							actorAccountId: input.byAccount,
							action: 'person.created-provisional',
							subjectPersonId: personId,
							scopeKind: 'seminar',
							scopeId: input.seminarId,
							details: { schoolCode }
						});
						const others = new Map<string, 'same-phone' | 'same-name-and-school'>();
						if (phone) for (const other of statements.samePhone.all({ phone, personId }) as string[]) others.set(other, 'same-phone');
						const name = comparableName(displayName);
						for (const other of statements.namesAtSchool.all(schoolCode, personId) as { personId: string; displayName: string | null }[]) {
							if (other.displayName !== null && comparableName(other.displayName) === name && !others.has(other.personId)) others.set(other.personId, 'same-name-and-school');
						}
						for (const [other, reason] of others) flagged += statements.insertFlag.run(deps.newId(), personId, other, reason, input.at).changes;
					}
					const known = statements.personExists.get(personId) || statements.canonical.get(personId);
					if (!known) {
						unknown.push(personId);
						continue;
					}
					records.ensureRegistered(personId, input.seminarId, input.at, input.byAccount);
					registered.push(personId);
				}
				records.refresh(registered, input.at);
				return { registered, unknown, flagged };
			})();
		}
	};
}

/** "Бакыт  Асанов" and "бакыт асанов" are the same name; Ё and Е are written interchangeably. */
function comparableName(name: string): string {
	return name.normalize('NFC').toLocaleLowerCase('ru').replaceAll('ё', 'е').replace(/\s+/g, ' ').trim();
}

export type { OwnTrainingRecord };
export type SeminarParticipantsRepo = ReturnType<typeof createSeminarParticipantsRepo>;
