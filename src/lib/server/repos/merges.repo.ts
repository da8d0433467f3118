import type Database from 'better-sqlite3';
import { auditWriter } from './audit-writer';
import { trainingRecordsWriter } from './training-records.repo';

export interface DuplicatePerson {
	personId: string;
	displayName: string | null;
	phone: string | null;
	schoolCode: string | null;
	schoolName: string | null;
	provisional: boolean;
	hasAccount: boolean;
	seminars: string[];
}

export interface DuplicateFlag {
	id: string;
	reason: 'same-phone' | 'same-name-and-school';
	createdAt: string;
	person: DuplicatePerson;
	other: DuplicatePerson;
}

export interface MergeRecord {
	aliasId: string;
	personId: string;
	createdAt: string;
	createdBy: string | null;
}

/**
 * Possible duplicates and merges of people (issue #7, DESIGN §4): a merge is an alias applied at ingest, in folds and
 * in counts; no event is rewritten, and undoing it deletes the alias and rebuilds both people's records.
 */
export function createMergesRepo(sqlite: Database.Database, deps: { newId: () => string }) {
	const records = trainingRecordsWriter(sqlite, deps);
	const statements = {
		openFlags: sqlite.prepare(`select id, person_id as personId, other_person_id as otherId, reason, created_at as createdAt from duplicate_flags where resolved_at is null order by created_at, id`),
		person: sqlite.prepare(
			`select p.id as personId, d.display_name as displayName, d.phone as phone, sc.code as schoolCode, sc.name as schoolName,
			        (pp.person_id is not null and not exists (select 1 from accounts a where a.person_id = p.id)) as provisional, exists (select 1 from accounts a where a.person_id = p.id) as hasAccount,
			        (select json_group_array(scope_id) from memberships m where m.person_id = p.id and m.role = 'learner' and m.scope_kind = 'seminar') as seminars
			   from people p
			   left join person_details d on d.person_id = p.id
			   left join provisional_people pp on pp.person_id = p.id
			   left join schools sc on sc.code = (select m.scope_id from memberships m where m.person_id = p.id and m.role = 'teacher' and m.scope_kind = 'school' and m.valid_to is null order by m.valid_from desc limit 1)
			  where p.id = ? and p.erased_at is null`
		),
		alias: sqlite.prepare('select alias_id as aliasId, person_id as personId, reason, created_at as createdAt, created_by as createdBy from person_aliases where alias_id = ?'),
		aliasesOf: sqlite.prepare('select count(*) from person_aliases where person_id = ?').pluck(),
		insertAlias: sqlite.prepare(`insert into person_aliases (alias_id, person_id, reason, created_at, created_by) values (?, ?, 'merged-by-admin', ?, ?)`),
		deleteAlias: sqlite.prepare(`delete from person_aliases where alias_id = ? and reason = 'merged-by-admin'`),
		resolveFlags: sqlite.prepare(
			`update duplicate_flags set resolved_at = ?, resolution = ?, resolved_by = ? where resolved_at is null and ((person_id = ? and other_person_id = ?) or (person_id = ? and other_person_id = ?))`
		),
		reopenFlags: sqlite.prepare(
			`update duplicate_flags set resolved_at = null, resolution = null, resolved_by = null where resolution = 'merged' and ((person_id = ? and other_person_id = ?) or (person_id = ? and other_person_id = ?))`
		),
		recentMerges: sqlite.prepare(
			`select a.alias_id as aliasId, a.person_id as personId, a.created_at as createdAt, a.created_by as createdBy,
			        da.display_name as aliasName, dp.display_name as personName
			   from person_aliases a left join person_details da on da.person_id = a.alias_id left join person_details dp on dp.person_id = a.person_id
			  where a.reason = 'merged-by-admin' order by a.created_at desc limit ?`
		),
		dismiss: sqlite.prepare(`update duplicate_flags set resolved_at = ?, resolution = 'dismissed', resolved_by = ? where id = ? and resolved_at is null`)
	};
	const audit = auditWriter(sqlite);

	function person(personId: string): DuplicatePerson | undefined {
		const row = statements.person.get(personId) as (Omit<DuplicatePerson, 'provisional' | 'hasAccount' | 'seminars'> & { provisional: number; hasAccount: number; seminars: string }) | undefined;
		return row && { ...row, provisional: row.provisional === 1, hasAccount: row.hasAccount === 1, seminars: JSON.parse(row.seminars) as string[] };
	}

	return {
		person: async (personId: string) => person(personId),
		alias: async (aliasId: string) => statements.alias.get(aliasId) as (MergeRecord & { reason: string }) | undefined,
		hasAliases: async (personId: string) => (statements.aliasesOf.get(personId) as number) > 0,

		/** Open flags whose two people both still exist and are not merged already. */
		async openFlags(): Promise<DuplicateFlag[]> {
			const flags = statements.openFlags.all() as { id: string; personId: string; otherId: string; reason: DuplicateFlag['reason']; createdAt: string }[];
			return flags.flatMap((flag) => {
				const one = person(flag.personId);
				const other = person(flag.otherId);
				if (!one || !other || statements.alias.get(flag.personId) || statements.alias.get(flag.otherId)) return [];
				return [{ id: flag.id, reason: flag.reason, createdAt: flag.createdAt, person: one, other }];
			});
		},

		/** The latest merges administrators made, newest first, with both names: what an undo is chosen from. */
		async recentMerges(limit: number): Promise<(MergeRecord & { aliasName: string | null; personName: string | null })[]> {
			return statements.recentMerges.all(limit) as (MergeRecord & { aliasName: string | null; personName: string | null })[];
		},

		/** The alias, the flags it answers, the audit entry and both people's rebuilt training records: one transaction. */
		async merge(input: { fromPersonId: string; intoPersonId: string; byAccount: string; at: string }): Promise<void> {
			sqlite.transaction(() => {
				statements.insertAlias.run(input.fromPersonId, input.intoPersonId, input.at, input.byAccount);
				statements.resolveFlags.run(input.at, 'merged', input.byAccount, input.fromPersonId, input.intoPersonId, input.intoPersonId, input.fromPersonId);
				audit({ id: deps.newId(), at: input.at, actorAccountId: input.byAccount, action: 'person.merged', subjectPersonId: input.intoPersonId, details: { from: input.fromPersonId } });
				records.refresh([input.fromPersonId, input.intoPersonId], input.at);
			})();
		},

		async undo(input: { aliasId: string; personId: string; byAccount: string; at: string }): Promise<void> {
			sqlite.transaction(() => {
				statements.deleteAlias.run(input.aliasId);
				statements.reopenFlags.run(input.aliasId, input.personId, input.personId, input.aliasId);
				audit({ id: deps.newId(), at: input.at, actorAccountId: input.byAccount, action: 'person.merge-undone', subjectPersonId: input.personId, details: { from: input.aliasId } });
				records.refresh([input.aliasId, input.personId], input.at);
			})();
		},

		async dismiss(input: { flagId: string; byAccount: string; at: string }): Promise<boolean> {
			return statements.dismiss.run(input.at, input.byAccount, input.flagId).changes === 1;
		}
	};
}

export type MergesRepo = ReturnType<typeof createMergesRepo>;
