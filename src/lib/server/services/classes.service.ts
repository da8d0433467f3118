import type { Catalogue } from '$lib/content/pack.types';
import { generateJoinCode } from '$lib/identity/join-code';
import { kyrgyzstanDate } from '$lib/utils/calendar-date';
import type { MembershipsRepo } from '../repos/memberships.repo';
import type { OrganisationsRepo } from '../repos/organisations.repo';
import type { CurrentSession } from './auth.service';
import { assignCourse, progressGrid } from './organisations.service';

export interface ClassesDependencies {
	memberships: MembershipsRepo;
	organisations: OrganisationsRepo;
	catalogue: Catalogue;
	newId: () => string;
	random: () => number;
	now: () => Date;
}

export type OpenClassResult = { ok: true; class: { id: string; name: string; joinCode: string } } | { ok: false; code: 'name-invalid' };

/** Any signed-in person may open a class and so becomes its teacher (DESIGN §6: a teacher is a learner who runs classes). */
export function createClassesService(deps: ClassesDependencies) {
	return {
		async open(session: CurrentSession, input: { name: string }): Promise<OpenClassResult> {
			const name = input.name.trim();
			if (name.length < 1 || name.length > 80) return { ok: false, code: 'name-invalid' };
			// 26^6 codes: a clash is rare, and a few tries make it vanishingly so.
			let joinCode = generateJoinCode(deps.random);
			for (let attempt = 0; attempt < 5 && (await deps.memberships.joinCodeTaken(joinCode)); attempt += 1) {
				joinCode = generateJoinCode(deps.random);
			}
			const at = deps.now().toISOString();
			const id = deps.newId();
			await deps.memberships.openClass({
				class: { id, name, joinCode, createdAt: at },
				teacher: { id: deps.newId(), personId: session.personId, validFrom: at },
				audit: {
					id: deps.newId(),
					at,
					actorAccountId: session.accountId,
					action: 'class.created',
					subjectPersonId: session.personId,
					scopeKind: 'class',
					scopeId: id,
					details: { classId: id }
				}
			});
			return { ok: true, class: { id, name, joinCode } };
		},

		/** Who is in the class now. The access policy has already checked the caller teaches it. */
		roster(classId: string) {
			return deps.memberships.classRoster(classId, deps.now().toISOString());
		},

		/** The class's assigned courses and, for each learner, where they stand on each (from the synced summaries). */
		async progress(classId: string) {
			const assignments = await deps.organisations.assignmentsFor([{ scopeKind: 'class', scopeId: classId }]);
			const learners = await deps.memberships.classRoster(classId, deps.now().toISOString());
			const grid = await progressGrid(
				deps,
				learners.map((learner) => learner.personId),
				assignments
			);
			return {
				today: kyrgyzstanDate(deps.now()),
				assignments,
				learners: learners.map((learner, index) => ({ ...learner, statuses: grid[index]! }))
			};
		},

		/** A class assignment may have a due date; the same course is assigned once at a time. */
		assign(session: CurrentSession, classId: string, input: { courseId: string; dueOn?: string | null }) {
			return assignCourse(deps, session, { scopeKind: 'class', scopeId: classId }, input, false);
		},

		async withdraw(session: CurrentSession, classId: string, assignmentId: string): Promise<boolean> {
			const at = deps.now().toISOString();
			return deps.organisations.withdraw({
				assignmentId,
				scope: { scopeKind: 'class', scopeId: classId },
				at,
				by: session.accountId,
				audit: {
					id: deps.newId(),
					at,
					actorAccountId: session.accountId,
					action: 'course.withdrawn',
					subjectPersonId: null,
					scopeKind: 'class',
					scopeId: classId,
					details: { assignmentId }
				}
			});
		},

		mine(session: CurrentSession) {
			return deps.memberships.classesTaughtBy(session.personId, deps.now().toISOString());
		}
	};
}
