import type { Catalogue } from '$lib/content/pack.types';
import { assignmentStatus, type AssignmentStatus } from '$lib/courses/assignment-status';
import { parseLogin } from '$lib/identity/login';
import { activeMemberships, holdsRole } from '$lib/identity/memberships';
import { MAX_NAME_LENGTH, parseMemberCsv, type FileProblem, type MemberRow, type RowProblem } from '$lib/identity/member-import';
import { temporaryPassword } from '$lib/identity/temporary-secret';
import type { CourseSummary } from '$lib/progress/course-summary';
import { isCalendarDate, kyrgyzstanDate } from '$lib/utils/calendar-date';
import type { AccountsRepo } from '../repos/accounts.repo';
import type { MembershipsRepo } from '../repos/memberships.repo';
import type { MemberWrite, OrganisationKind, OrganisationRecord, OrganisationsRepo } from '../repos/organisations.repo';
import type { CurrentSession } from './auth.service';

export interface OrganisationsDependencies {
	organisations: OrganisationsRepo;
	accounts: Pick<AccountsRepo, 'findByLogin'>;
	memberships: Pick<MembershipsRepo, 'forPerson' | 'grant'>;
	regionCodes: readonly string[];
	catalogue: Catalogue;
	hashTemporary: (password: string) => string;
	randomBytes: (length: number) => Uint8Array;
	newId: () => string;
	now: () => Date;
}

/** What happens to one member row: a new account, an existing account joining, or nothing (already a member). */
export type MemberPlan = { line: number; displayName: string; login: string; outcome: 'create' | 'add-existing' | 'already-member' };

export interface MemberImportReport {
	/**
	 * Whether anything was written. An import is all or nothing: with any row in error nothing is imported, so the
	 * administrator fixes the file and sends it again; rows already imported then show as "already a member".
	 */
	committed: boolean;
	plan: MemberPlan[];
	problems: RowProblem[];
	/** For new accounts only, shown once: the administrator hands each person theirs. */
	temporaryPasswords: { line: number; displayName: string; login: string; temporaryPassword: string }[];
}

export type OrganisationFailure =
	| { code: 'name-invalid' | 'name-taken' | 'region-unknown' | 'login-unknown' | 'already-admin' | 'not-found' }
	| { code: 'file-invalid'; problem: FileProblem }
	| { code: 'row-invalid'; problems: RowProblem[] }
	| { code: 'course-unknown' | 'due-date-invalid' | 'due-date-past' | 'already-assigned' };

type Result<T> = { ok: true; value: T } | { ok: false; failure: OrganisationFailure };

export interface ComplianceRow {
	personId: string;
	displayName: string | null;
	login: string | null;
	statuses: { assignmentId: string; status: AssignmentStatus; completedAt: string | null }[];
}

const ORGANISATION_NAME_MAX = 120;

/** Organisations, their members, their mandatory courses and who has done them (DESIGN §6). */
export function createOrganisationsService(deps: OrganisationsDependencies) {
	const nowIso = () => deps.now().toISOString();
	const audit = (session: CurrentSession, action: string, organisationId: string, subjectPersonId: string | null, details?: unknown) => ({
		id: deps.newId(),
		at: nowIso(),
		actorAccountId: session.accountId,
		action,
		subjectPersonId,
		scopeKind: 'organisation' as const,
		scopeId: organisationId,
		...(details === undefined ? {} : { details })
	});

	/** Plans every row against the accounts that exist; nothing is written. */
	async function planRows(organisationId: string, rows: readonly MemberRow[]) {
		const holders = await deps.organisations.lookUpLogins(
			organisationId,
			rows.map((row) => row.login.value),
			nowIso()
		);
		const plan = rows.map((row): MemberPlan => {
			const holder = holders.get(row.login.value);
			return { line: row.line, displayName: row.displayName, login: row.login.value, outcome: !holder ? 'create' : holder.isMember ? 'already-member' : 'add-existing' };
		});
		return { plan, holders };
	}

	async function commit(session: CurrentSession, organisationId: string, rows: readonly MemberRow[], source: 'form' | 'csv'): Promise<MemberImportReport> {
		const { plan, holders } = await planRows(organisationId, rows);
		const writes: MemberWrite[] = [];
		const temporaryPasswords: MemberImportReport['temporaryPasswords'] = [];
		rows.forEach((row, index) => {
			const outcome = plan[index]!.outcome;
			if (outcome === 'already-member') return;
			if (outcome === 'add-existing') {
				writes.push({ kind: 'existing', personId: holders.get(row.login.value)!.personId, membershipId: deps.newId() });
				return;
			}
			const password = temporaryPassword(deps.randomBytes);
			writes.push({
				kind: 'new',
				personId: deps.newId(),
				accountId: deps.newId(),
				membershipId: deps.newId(),
				displayName: row.displayName,
				login: row.login,
				passwordHash: deps.hashTemporary(password)
			});
			temporaryPasswords.push({ line: row.line, displayName: row.displayName, login: row.login.value, temporaryPassword: password });
		});
		if (writes.length > 0) {
			const counts = { created: temporaryPasswords.length, added: writes.length - temporaryPasswords.length };
			await deps.organisations.addMembers({
				organisationId,
				members: writes,
				at: nowIso(),
				createdBy: session.personId,
				audit: audit(session, source === 'csv' ? 'members.imported' : 'member.added', organisationId, writes.length === 1 ? writes[0]!.personId : null, {
					...counts,
					rows: rows.length
				})
			});
		}
		return { committed: true, plan, problems: [], temporaryPasswords };
	}

	return {
		/** The organisations a person administers now; a programme administrator sees them all. */
		async administeredBy(session: CurrentSession): Promise<OrganisationRecord[]> {
			const memberships = await deps.memberships.forPerson(session.personId);
			if (holdsRole(memberships, 'programme-admin', deps.now())) return deps.organisations.all();
			const ids = activeMemberships(memberships, deps.now())
				.filter((membership) => membership.role === 'org-admin' && membership.scopeKind === 'organisation')
				.map((membership) => membership.scopeId);
			return deps.organisations.withIds(ids);
		},

		async create(session: CurrentSession, input: { name: string; kind: OrganisationKind; regionCode: string }): Promise<Result<OrganisationRecord>> {
			const name = input.name.trim().replace(/\s+/g, ' ');
			if (name.length < 2 || name.length > ORGANISATION_NAME_MAX) return { ok: false, failure: { code: 'name-invalid' } };
			if (!deps.regionCodes.includes(input.regionCode)) return { ok: false, failure: { code: 'region-unknown' } };
			if (await deps.organisations.nameTaken(name)) return { ok: false, failure: { code: 'name-taken' } };
			const organisation = { id: deps.newId(), name, kind: input.kind, regionCode: input.regionCode };
			await deps.organisations.create({ organisation, at: nowIso(), audit: audit(session, 'organisation.created', organisation.id, null, { name }) });
			return { ok: true, value: organisation };
		},

		async find(organisationId: string) {
			return deps.organisations.find(organisationId);
		},

		/** Makes the holder of a login an administrator of the organisation (a programme administrator's act). */
		async appointAdmin(session: CurrentSession, organisationId: string, input: { login: string }): Promise<Result<{ personId: string }>> {
			if (!(await deps.organisations.find(organisationId))) return { ok: false, failure: { code: 'not-found' } };
			const login = parseLogin(input.login);
			const account = 'problem' in login ? undefined : await deps.accounts.findByLogin(login.value);
			if (!account) return { ok: false, failure: { code: 'login-unknown' } };
			const memberships = await deps.memberships.forPerson(account.personId);
			if (holdsRole(memberships, 'org-admin', deps.now(), { scopeKind: 'organisation', scopeId: organisationId })) {
				return { ok: false, failure: { code: 'already-admin' } };
			}
			const at = nowIso();
			await deps.memberships.grant({
				id: deps.newId(),
				personId: account.personId,
				membership: { role: 'org-admin', scopeKind: 'organisation', scopeId: organisationId, validFrom: at, validTo: null },
				at,
				grantedBy: session.personId,
				audit: audit(session, 'role.granted', organisationId, account.personId, { role: 'org-admin' })
			});
			return { ok: true, value: { personId: account.personId } };
		},

		async members(organisationId: string) {
			const at = nowIso();
			return { members: await deps.organisations.members(organisationId, at), admins: await deps.organisations.members(organisationId, at, 'org-admin') };
		},

		/** One member from the form: the same rules as a one-row import. */
		async addMember(session: CurrentSession, organisationId: string, input: { displayName: string; login: string }): Promise<Result<MemberImportReport>> {
			const displayName = input.displayName.trim().replace(/\s+/g, ' ');
			const login = parseLogin(input.login);
			const problems: RowProblem[] = [];
			if (displayName === '') problems.push({ line: 1, problem: 'name-missing' });
			else if ([...displayName].length > MAX_NAME_LENGTH) problems.push({ line: 1, problem: 'name-too-long' });
			if ('problem' in login) problems.push({ line: 1, problem: 'login-invalid', reason: login.problem });
			if (problems.length > 0 || 'problem' in login) return { ok: false, failure: { code: 'row-invalid', problems } };
			return { ok: true, value: await commit(session, organisationId, [{ line: 1, displayName, login }], 'form') };
		},

		/** A CSV of members: checked row by row; a dry run or a file with errors writes nothing. */
		async importMembers(session: CurrentSession, organisationId: string, input: { csv: string; dryRun: boolean }): Promise<Result<MemberImportReport>> {
			const parsed = parseMemberCsv(input.csv);
			if (!parsed.ok) return { ok: false, failure: { code: 'file-invalid', problem: parsed.problem } };
			if (parsed.problems.length > 0 || input.dryRun) {
				return { ok: true, value: { committed: false, plan: (await planRows(organisationId, parsed.rows)).plan, problems: parsed.problems, temporaryPasswords: [] } };
			}
			return { ok: true, value: await commit(session, organisationId, parsed.rows, 'csv') };
		},

		async removeMember(session: CurrentSession, organisationId: string, personId: string): Promise<Result<null>> {
			const ended = await deps.organisations.endMembership({
				organisationId,
				personId,
				role: 'learner',
				at: nowIso(),
				audit: audit(session, 'member.removed', organisationId, personId)
			});
			return ended > 0 ? { ok: true, value: null } : { ok: false, failure: { code: 'not-found' } };
		},

		async assignments(organisationId: string) {
			return deps.organisations.assignmentsFor([{ scopeKind: 'organisation', scopeId: organisationId }]);
		},

		async assign(session: CurrentSession, organisationId: string, input: { courseId: string; dueOn: string }): Promise<Result<{ id: string }>> {
			return assignCourse(deps, session, { scopeKind: 'organisation', scopeId: organisationId }, input, true);
		},

		async withdraw(session: CurrentSession, organisationId: string, assignmentId: string): Promise<Result<null>> {
			const withdrawn = await deps.organisations.withdraw({
				assignmentId,
				scope: { scopeKind: 'organisation', scopeId: organisationId },
				at: nowIso(),
				by: session.accountId,
				audit: audit(session, 'course.withdrawn', organisationId, null, { assignmentId })
			});
			return withdrawn ? { ok: true, value: null } : { ok: false, failure: { code: 'not-found' } };
		},

		/** Every current member × every assignment in force, from the synced summaries. */
		async compliance(organisationId: string) {
			const assignments = await deps.organisations.assignmentsFor([{ scopeKind: 'organisation', scopeId: organisationId }]);
			const members = await deps.organisations.members(organisationId, nowIso());
			const rows = await progressGrid(
				deps,
				members.map((member) => member.personId),
				assignments
			);
			return {
				today: kyrgyzstanDate(deps.now()),
				assignments,
				rows: members.map((member, index): ComplianceRow => ({ personId: member.personId, displayName: member.displayName, login: member.login, statuses: rows[index]! }))
			};
		},

		/** What the caller's classes and organisations ask of them now, with where they stand by the synced summaries. */
		async assignedTo(session: CurrentSession) {
			const scopes = activeMemberships(await deps.memberships.forPerson(session.personId), deps.now())
				.filter((membership) => membership.role === 'learner' && (membership.scopeKind === 'class' || membership.scopeKind === 'organisation'))
				.map((membership) => ({ scopeKind: membership.scopeKind as 'class' | 'organisation', scopeId: membership.scopeId }));
			const assignments = await deps.organisations.assignmentsFor(scopes);
			const names = await deps.organisations.scopeNames(scopes);
			const [statuses = []] = await progressGrid(deps, [session.personId], assignments);
			// The nearest deadline first; assignments without one after them.
			return assignments
				.map((assignment, index) => ({
					...assignment,
					scopeName: names.get(`${assignment.scopeKind}:${assignment.scopeId}`) ?? '',
					status: statuses[index]!.status
				}))
				.sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') || a.assignedAt.localeCompare(b.assignedAt));
		},

		/** The whole programme's log: a programme administrator's view. */
		async programmeAudit(before?: string) {
			return deps.organisations.auditOf(undefined, 200, before);
		},

		async audit(organisationId: string, before?: string) {
			return deps.organisations.auditOf({ scopeKind: 'organisation', scopeId: organisationId }, 200, before);
		}
	};

}

/** Assigns a course to an organisation (a due date required) or a class (optional); one active assignment per course. */
export async function assignCourse(
	deps: Pick<OrganisationsDependencies, 'organisations' | 'catalogue' | 'newId' | 'now'>,
	session: CurrentSession,
	scope: { scopeKind: 'organisation' | 'class'; scopeId: string },
	input: { courseId: string; dueOn?: string | null },
	dueDateRequired: boolean
): Promise<Result<{ id: string }>> {
	if (!deps.catalogue.courses.some((course) => course.id === input.courseId)) return { ok: false, failure: { code: 'course-unknown' } };
	const dueOn = input.dueOn ?? null;
	if ((dueOn === null && dueDateRequired) || (dueOn !== null && !isCalendarDate(dueOn))) return { ok: false, failure: { code: 'due-date-invalid' } };
	if (dueOn !== null && dueOn < kyrgyzstanDate(deps.now())) return { ok: false, failure: { code: 'due-date-past' } };
	const current = await deps.organisations.assignmentsFor([scope]);
	if (current.some((assignment) => assignment.courseId === input.courseId)) return { ok: false, failure: { code: 'already-assigned' } };
	const at = deps.now().toISOString();
	const id = deps.newId();
	await deps.organisations.assign({
		assignment: { id, ...scope, courseId: input.courseId, dueOn, assignedAt: at, assignedBy: session.accountId },
		audit: {
			id: deps.newId(),
			at,
			actorAccountId: session.accountId,
			action: 'course.assigned',
			subjectPersonId: null,
			scopeKind: scope.scopeKind,
			scopeId: scope.scopeId,
			details: { assignmentId: id, courseId: input.courseId, dueOn }
		}
	});
	return { ok: true, value: { id } };
}

/** For each person (in order), their status on each assignment, read from the synced summaries. */
export async function progressGrid(
	deps: Pick<OrganisationsDependencies, 'organisations' | 'catalogue' | 'now'>,
	personIds: readonly string[],
	assignments: readonly { id: string; courseId: string; dueOn: string | null }[]
): Promise<{ assignmentId: string; status: AssignmentStatus; completedAt: string | null }[][]> {
	const today = kyrgyzstanDate(deps.now());
	const courseIds = [...new Set(assignments.map((assignment) => assignment.courseId))];
	const summaries = new Map(
		(await deps.organisations.summaries(personIds, courseIds)).map((row) => [`${row.personId} ${row.courseId}`, row] as const)
	);
	return personIds.map((personId) =>
		assignments.map((assignment) => {
			const course = deps.catalogue.courses.find((candidate) => candidate.id === assignment.courseId);
			const row = summaries.get(`${personId} ${assignment.courseId}`);
			const status = course ? assignmentStatus(course, row?.summary as CourseSummary | undefined, assignment.dueOn, today) : 'not-started';
			return { assignmentId: assignment.id, status, completedAt: status === 'completed' ? (row?.completedAt ?? null) : null };
		})
	);
}

export type OrganisationsService = ReturnType<typeof createOrganisationsService>;
