import { describe, expect, it } from 'vitest';
import { readBearer } from './bearer';

describe('the Authorization header', () => {
	it('is absent, a bearer token, or malformed — never silently ignored', () => {
		expect(readBearer(null)).toEqual({ kind: 'none' });
		expect(readBearer('Bearer AbC-def_0123456789abcdefghijklmnopqrstuvwxy')).toEqual({ kind: 'bearer', token: 'AbC-def_0123456789abcdefghijklmnopqrstuvwxy' });
		for (const header of ['', 'Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', 'bearer short', 'Bearer has spaces in it', 'Bearer ' + 'x'.repeat(300)]) {
			expect(readBearer(header), header).toEqual({ kind: 'malformed' });
		}
	});
});
