import { describe, expect, it } from 'vitest';
import { activeMemberships, holdsRole, type Membership } from './memberships';

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
