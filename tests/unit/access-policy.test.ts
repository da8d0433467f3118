import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Membership } from '../../src/lib/identity/memberships';
import { ACCESS_POLICY, decideAccess } from '../../src/lib/server/access-policy';

/** Every `METHOD /api/…` the app serves, read from the route files. */
export function apiEndpoints(root = 'src/routes/api'): string[] {
	const endpoints: string[] = [];
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (entry.name === '+server.ts') {
				const routeId = '/' + path.relative('src/routes', dir).split(path.sep).join('/');
				for (const [, method] of readFileSync(full, 'utf8').matchAll(/export const (GET|HEAD|POST|PUT|PATCH|DELETE)\b/g)) {
					endpoints.push(`${method} ${routeId}`);
				}
			}
		}
	};
	walk(root);
	return endpoints.sort();
}

describe('the access policy', () => {
	it('has a rule for every API endpoint, and no rule for an endpoint that does not exist', () => {
		expect(apiEndpoints()).toEqual(Object.keys(ACCESS_POLICY).sort());
	});

	const ask = (
		method: string,
		routeId: string | null,
		signedIn: boolean,
		memberships: Membership[] = [],
		params: Record<string, string> = {},
		others: Record<string, Membership[]> = {}
	) =>
		decideAccess({
			method,
			routeId,
			params,
			signedIn,
			memberships: async () => memberships,
			membershipsOf: async (personId) => others[personId] ?? [],
			now: new Date('2026-10-01T00:00:00Z')
		});

	it('refuses endpoints without a rule, and signed-in endpoints to anonymous callers', async () => {
		expect(await ask('GET', '/api/auth/me', false)).toBe('sign-in-required');
		expect(await ask('GET', '/api/auth/me', true)).toBe('allow');
		expect(await ask('POST', '/api/auth/sign-in', false)).toBe('allow');
		expect(await ask('DELETE', '/api/auth/me', true)).toBe('unknown-endpoint');
		expect(await ask('GET', '/api/new-endpoint', true)).toBe('unknown-endpoint');
		expect(await ask('GET', null, false)).toBe('allow');
	});

	it('lets anyone ask to switch profiles, leaving it to the handler to insist on a profile token', async () => {
		expect(ACCESS_POLICY['POST /api/auth/switch']).toBe('anyone');
		expect(await ask('POST', '/api/auth/switch', false)).toBe('allow');
	});

	it('lets a class roster be read by that class\'s current teacher or a programme administrator only', async () => {
		const roster = (memberships: Membership[], classId = 'class-7a') => ask('GET', '/api/classes/[classId]/roster', true, memberships, { classId });
		const teacherOf = (scopeId: string, validTo: string | null = null): Membership => ({
			role: 'teacher',
			scopeKind: 'class',
			scopeId,
			validFrom: '2026-09-01T00:00:00Z',
			validTo
		});
		expect(await roster([teacherOf('class-7a')])).toBe('allow');
		expect(await roster([teacherOf('class-8b')])).toBe('forbidden');
		expect(await roster([teacherOf('class-7a', '2026-09-15T00:00:00Z')])).toBe('forbidden');
		expect(await roster([{ role: 'programme-admin', scopeKind: 'programme', scopeId: 'programme', validFrom: '2026-01-01T00:00:00Z', validTo: null }])).toBe('allow');
		expect(await roster([])).toBe('forbidden');
	});

	it('lets a reset through only for someone responsible for that person now', async () => {
		const member = (role: Membership['role'], scopeKind: Membership['scopeKind'], scopeId: string, validTo: string | null = null): Membership => ({
			role,
			scopeKind,
			scopeId,
			validFrom: '2026-09-01T00:00:00Z',
			validTo
		});
		const people = {
			pupil: [member('learner', 'class', 'class-7a')],
			clerk: [member('learner', 'organisation', 'ministry-a')],
			participant: [member('learner', 'seminar', 'seminar-naryn')],
			colleague: [member('teacher', 'class', 'class-7a')]
		};
		const reset = (memberships: Membership[], personId: string) => ask('POST', '/api/people/[personId]/reset', true, memberships, { personId }, people);
		expect(await reset([member('teacher', 'class', 'class-7a')], 'pupil')).toBe('allow');
		expect(await reset([member('teacher', 'class', 'class-8b')], 'pupil')).toBe('forbidden');
		expect(await reset([member('teacher', 'class', 'class-7a', '2026-09-15T00:00:00Z')], 'pupil')).toBe('forbidden');
		expect(await reset([member('teacher', 'class', 'class-7a')], 'colleague')).toBe('forbidden');
		expect(await reset([member('org-admin', 'organisation', 'ministry-a')], 'clerk')).toBe('allow');
		expect(await reset([member('org-admin', 'organisation', 'ministry-b')], 'clerk')).toBe('forbidden');
		expect(await reset([member('trainer', 'seminar', 'seminar-naryn')], 'participant')).toBe('allow');
		expect(await reset([member('trainer', 'seminar', 'seminar-osh')], 'participant')).toBe('forbidden');
		expect(await reset([member('programme-admin', 'programme', 'programme')], 'anyone-at-all')).toBe('allow');
		expect(await reset([member('learner', 'class', 'class-7a')], 'pupil')).toBe('forbidden');
	});

	it('keeps everything but the password change closed while someone else\'s password is in use', async () => {
		const ask = (method: string, routeId: string) =>
			decideAccess({ method, routeId, params: {}, signedIn: true, mustChangePassword: true, memberships: async () => [], membershipsOf: async () => [], now: new Date() });
		expect(await ask('POST', '/api/auth/password')).toBe('allow');
		expect(await ask('GET', '/api/auth/me')).toBe('allow');
		expect(await ask('GET', '/api/me/assignments')).toBe('password-change-required');
		expect(await ask('GET', '/api/health')).toBe('password-change-required');
	});
});
