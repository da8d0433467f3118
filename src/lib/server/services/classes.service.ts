import { generateJoinCode } from '$lib/identity/join-code';
import type { MembershipsRepo } from '../repos/memberships.repo';
import type { CurrentSession } from './auth.service';

export interface ClassesDependencies {
	memberships: MembershipsRepo;
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
				audit: { id: deps.newId(), at, actorAccountId: session.accountId, action: 'class.created', subjectPersonId: session.personId, details: { classId: id } }
			});
			return { ok: true, class: { id, name, joinCode } };
		},

		/** Who is in the class now. The access policy has already checked the caller teaches it. */
		roster(classId: string) {
			return deps.memberships.classRoster(classId, deps.now().toISOString());
		},

		mine(session: CurrentSession) {
			return deps.memberships.classesTaughtBy(session.personId, deps.now().toISOString());
		}
	};
}
