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

export type Scope = { scopeKind: ScopeKind; scopeId: string };

/**
 * The scopes of one kind where `actor` holds `actorRole` and `subject` holds `subjectRole` at a moment: a teacher and
 * their pupil's class, an organisation administrator and a member's organisation, a trainer and a participant's seminar.
 */
export function sharedScopes(
	actor: readonly Membership[],
	actorRole: Role,
	subject: readonly Membership[],
	subjectRole: Role,
	scopeKind: ScopeKind,
	at: Date
): Scope[] {
	const subjectScopes = new Set(
		activeMemberships(subject, at)
			.filter((membership) => membership.role === subjectRole && membership.scopeKind === scopeKind)
			.map((membership) => membership.scopeId)
	);
	return activeMemberships(actor, at)
		.filter((membership) => membership.role === actorRole && membership.scopeKind === scopeKind && subjectScopes.has(membership.scopeId))
		.map((membership) => ({ scopeKind, scopeId: membership.scopeId }));
}
