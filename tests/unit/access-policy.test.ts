import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
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
				for (const [, method] of readFileSync(full, 'utf8').matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)) {
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

	it('refuses endpoints without a rule, and signed-in endpoints to anonymous callers', () => {
		expect(decideAccess('GET', '/api/auth/me', false)).toBe('sign-in-required');
		expect(decideAccess('GET', '/api/auth/me', true)).toBe('allow');
		expect(decideAccess('POST', '/api/auth/sign-in', false)).toBe('allow');
		expect(decideAccess('DELETE', '/api/auth/me', true)).toBe('unknown-endpoint');
		expect(decideAccess('GET', '/api/new-endpoint', true)).toBe('unknown-endpoint');
		expect(decideAccess('GET', null, false)).toBe('allow');
	});
});
