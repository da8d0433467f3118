/** Roles held in scopes over time (DESIGN §6). Pure: the server and the browser read memberships the same way. */

export type Role = 'learner' | 'teacher' | 'trainer' | 'org-admin' | 'programme-admin';
export type ScopeKind = 'programme' | 'organisation' | 'class' | 'school' | 'seminar';

export interface Membership {
	role: Role;
	scopeKind: ScopeKind;
	scopeId: string;
	validFrom: string;
	/** Exclusive; null while the membership lasts. */
	validTo: string | null;
}

/** The whole programme is one scope. */
export const PROGRAMME_SCOPE = { scopeKind: 'programme', scopeId: 'programme' } as const;

export function isActive(membership: Membership, at: Date): boolean {
	const time = at.getTime();
	return Date.parse(membership.validFrom) <= time && (membership.validTo === null || time < Date.parse(membership.validTo));
}

export function activeMemberships<M extends Membership>(memberships: readonly M[], at: Date): M[] {
	return memberships.filter((membership) => isActive(membership, at));
}

/** Whether someone holds a role in a scope at a moment (any scope of that kind when no id is given). */
export function holdsRole(
	memberships: readonly Membership[],
	role: Role,
	at: Date,
	scope?: { scopeKind: ScopeKind; scopeId?: string }
): boolean {
	return activeMemberships(memberships, at).some(
		(membership) =>
			membership.role === role &&
			(!scope || (membership.scopeKind === scope.scopeKind && (scope.scopeId === undefined || membership.scopeId === scope.scopeId)))
	);
}
