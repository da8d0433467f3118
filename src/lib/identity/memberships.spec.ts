import { describe, expect, it } from 'vitest';
import { activeMemberships, holdsRole, sharedScopes, type Membership } from './memberships';

const teacherOf7A: Membership = { role: 'teacher', scopeKind: 'class', scopeId: 'class-7a', validFrom: '2025-09-01T00:00:00Z', validTo: '2026-06-01T00:00:00Z' };
const teacherOf8A: Membership = { role: 'teacher', scopeKind: 'class', scopeId: 'class-8a', validFrom: '2026-06-01T00:00:00Z', validTo: null };

describe('memberships over time', () => {
	it('counts a membership from its first day up to, not including, its end', () => {
		expect(activeMemberships([teacherOf7A, teacherOf8A], new Date('2026-05-31T23:59:59Z'))).toEqual([teacherOf7A]);
		expect(activeMemberships([teacherOf7A, teacherOf8A], new Date('2026-06-01T00:00:00Z'))).toEqual([teacherOf8A]);
		expect(activeMemberships([teacherOf8A], new Date('2026-05-01T00:00:00Z'))).toEqual([]);
	});

	it('keeps last year\'s class out of this year\'s scope, and history in it', () => {
		const september = new Date('2026-09-15T00:00:00Z');
		expect(holdsRole([teacherOf7A, teacherOf8A], 'teacher', september, { scopeKind: 'class', scopeId: 'class-7a' })).toBe(false);
		expect(holdsRole([teacherOf7A, teacherOf8A], 'teacher', september, { scopeKind: 'class', scopeId: 'class-8a' })).toBe(true);
		expect(holdsRole([teacherOf7A], 'teacher', new Date('2026-01-15T00:00:00Z'), { scopeKind: 'class', scopeId: 'class-7a' })).toBe(true);
	});

	it('answers for a role in any scope of a kind, or any scope at all', () => {
		const now = new Date('2026-09-15T00:00:00Z');
		expect(holdsRole([teacherOf8A], 'teacher', now, { scopeKind: 'class' })).toBe(true);
		expect(holdsRole([teacherOf8A], 'teacher', now)).toBe(true);
		expect(holdsRole([teacherOf8A], 'trainer', now)).toBe(false);
	});
});

describe('sharedScopes', () => {
	const pupilOf7A: Membership = { role: 'learner', scopeKind: 'class', scopeId: 'class-7a', validFrom: '2025-09-01T00:00:00Z', validTo: null };
	const pupilOf8A: Membership = { ...pupilOf7A, scopeId: 'class-8a' };

	it('finds the class a teacher and a pupil share, only while both memberships last', () => {
		const spring = new Date('2026-03-01T00:00:00Z');
		expect(sharedScopes([teacherOf7A], 'teacher', [pupilOf7A, pupilOf8A], 'learner', 'class', spring)).toEqual([{ scopeKind: 'class', scopeId: 'class-7a' }]);
		// The teacher's year with 7-A ended: no reach over its pupils any more.
		expect(sharedScopes([teacherOf7A], 'teacher', [pupilOf7A], 'learner', 'class', new Date('2026-09-01T00:00:00Z'))).toEqual([]);
		// A fellow teacher is not a pupil.
		expect(sharedScopes([teacherOf8A], 'teacher', [teacherOf8A], 'learner', 'class', new Date('2026-09-01T00:00:00Z'))).toEqual([]);
	});
});
