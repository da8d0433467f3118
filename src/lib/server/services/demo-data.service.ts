import { PROGRAMME_SCOPE, type Role, type ScopeKind } from '$lib/identity/memberships';
import type { AppMetaRepo } from '../repos/app-meta.repo';
import { kyrgyzstanDate } from '$lib/utils/calendar-date';
import type { MembershipsRepo } from '../repos/memberships.repo';
import type { OrganisationsRepo } from '../repos/organisations.repo';
import type { AuthService } from './auth.service';

/** The demo people `npm start` creates, one of each role; README.md lists them. Never created unless asked for. */
export const DEMO_PASSWORD = 'taza-demo-2026';
type DemoScope = 'programme' | 'organisation' | 'class';
/** The demo learner is both a pupil of the demo class and a member (staff) of the demo organisation, to show both. */
export const DEMO_PEOPLE: { login: string; displayName: string; role: Role; scopes: DemoScope[] }[] = [
	{ login: 'demo.admin', displayName: 'Демо: программанын администратору', role: 'programme-admin', scopes: ['programme'] },
	{ login: 'demo.org.admin', displayName: 'Демо: уюмдун администратору', role: 'org-admin', scopes: ['organisation'] },
	{ login: 'demo.teacher', displayName: 'Демо: мугалим', role: 'teacher', scopes: ['class'] },
	{ login: 'demo.trainer', displayName: 'Демо: тренер', role: 'trainer', scopes: ['programme'] },
	{ login: 'demo.learner', displayName: 'Демо: окуучу', role: 'learner', scopes: ['class', 'organisation'] }
];
/** Courses the demo organisation and class assign, so "assigned to you" and the grids have something to show. */
export const DEMO_ASSIGNMENTS = [
	{ scope: 'organisation' as const, courseId: 'integrity-public-service', dueInDays: 30 },
	{ scope: 'class' as const, courseId: 'honest-choices', dueInDays: null }
];
export const DEMO_ORGANISATION = { id: 'demo-organisation', name: 'Демо уюм (Нарын облусу)', kind: 'agency' as const, regionCode: 'naryn' };
export const DEMO_CLASS = { id: 'demo-class', name: '7-А (демо)', joinCode: 'MEKTP7' };

export interface DemoDataDependencies {
	auth: AuthService;
	memberships: MembershipsRepo;
	organisations: Pick<OrganisationsRepo, 'assign'>;
	meta: AppMetaRepo;
	newId: () => string;
	now: () => Date;
}

/** Creates the demo organisation, class and people once; a second start finds the marker and does nothing. */
export async function seedDemoDataOnce(deps: DemoDataDependencies): Promise<{ created: boolean }> {
	if (await deps.meta.get('demo_data_seeded_at')) return { created: false };
	const at = deps.now().toISOString();
	await deps.memberships.createOrganisation({ ...DEMO_ORGANISATION, createdAt: at });
	await deps.memberships.createClass({ ...DEMO_CLASS, createdAt: at });
	const scopes: Record<DemoScope, { scopeKind: ScopeKind; scopeId: string }> = {
		programme: PROGRAMME_SCOPE,
		organisation: { scopeKind: 'organisation', scopeId: DEMO_ORGANISATION.id },
		class: { scopeKind: 'class', scopeId: DEMO_CLASS.id }
	};
	for (const person of DEMO_PEOPLE) {
		const account = await deps.auth.signUp({ login: person.login, password: DEMO_PASSWORD, displayName: person.displayName });
		if (!account.ok) throw new Error(`demo account ${person.login}: ${account.failure.code}`);
		for (const scope of person.scopes) {
			await deps.memberships.grant({
				id: deps.newId(),
				personId: account.value.personId,
				membership: { role: person.role, ...scopes[scope], validFrom: at, validTo: null },
				at,
				grantedBy: null,
				audit: {
					id: deps.newId(),
					at,
					actorAccountId: null,
					action: 'role.granted',
					subjectPersonId: account.value.personId,
					...scopes[scope],
					details: { role: person.role, demo: true }
				}
			});
		}
	}
	for (const assignment of DEMO_ASSIGNMENTS) {
		const scope = scopes[assignment.scope] as { scopeKind: 'organisation' | 'class'; scopeId: string };
		const dueOn = assignment.dueInDays === null ? null : kyrgyzstanDate(new Date(deps.now().getTime() + assignment.dueInDays * 86_400_000));
		const id = deps.newId();
		await deps.organisations.assign({
			assignment: { id, ...scope, courseId: assignment.courseId, dueOn, assignedAt: at, assignedBy: 'demo' },
			audit: { id: deps.newId(), at, actorAccountId: null, action: 'course.assigned', subjectPersonId: null, ...scope, details: { assignmentId: id, courseId: assignment.courseId, dueOn, demo: true } }
		});
	}
	await deps.meta.set('demo_data_seeded_at', at);
	return { created: true };
}
