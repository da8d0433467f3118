import { PROGRAMME_SCOPE, type Role, type ScopeKind } from '$lib/identity/memberships';
import type { AppMetaRepo } from '../repos/app-meta.repo';
import type { MembershipsRepo } from '../repos/memberships.repo';
import type { AuthService } from './auth.service';

/** The demo people `npm start` creates, one of each role; README.md lists them. Never created unless asked for. */
export const DEMO_PASSWORD = 'taza-demo-2026';
export const DEMO_PEOPLE: { login: string; displayName: string; role: Role; scope: 'programme' | 'organisation' | 'class' }[] = [
	{ login: 'demo.admin', displayName: 'Демо: программанын администратору', role: 'programme-admin', scope: 'programme' },
	{ login: 'demo.org.admin', displayName: 'Демо: уюмдун администратору', role: 'org-admin', scope: 'organisation' },
	{ login: 'demo.teacher', displayName: 'Демо: мугалим', role: 'teacher', scope: 'class' },
	{ login: 'demo.trainer', displayName: 'Демо: тренер', role: 'trainer', scope: 'programme' },
	{ login: 'demo.learner', displayName: 'Демо: окуучу', role: 'learner', scope: 'class' }
];
export const DEMO_ORGANISATION = { id: 'demo-organisation', name: 'Демо уюм (Нарын облусу)', kind: 'agency' as const, regionCode: 'naryn' };
export const DEMO_CLASS = { id: 'demo-class', name: '7-А (демо)', joinCode: 'MEKTP7' };

export interface DemoDataDependencies {
	auth: AuthService;
	memberships: MembershipsRepo;
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
	const scopes: Record<(typeof DEMO_PEOPLE)[number]['scope'], { scopeKind: ScopeKind; scopeId: string }> = {
		programme: PROGRAMME_SCOPE,
		organisation: { scopeKind: 'organisation', scopeId: DEMO_ORGANISATION.id },
		class: { scopeKind: 'class', scopeId: DEMO_CLASS.id }
	};
	for (const person of DEMO_PEOPLE) {
		const account = await deps.auth.signUp({ login: person.login, password: DEMO_PASSWORD, displayName: person.displayName });
		if (!account.ok) throw new Error(`demo account ${person.login}: ${account.failure.code}`);
		await deps.memberships.grant({
			id: deps.newId(),
			personId: account.value.personId,
			membership: { role: person.role, ...scopes[person.scope], validFrom: at, validTo: null },
			at,
			grantedBy: null,
			audit: { id: deps.newId(), at, actorAccountId: null, action: 'role.granted', subjectPersonId: account.value.personId, details: { role: person.role, demo: true } }
		});
	}
	await deps.meta.set('demo_data_seeded_at', at);
	return { created: true };
}
