import { describe, expect, it } from 'vitest';
import { classAccess } from './class-access';

const teacher = { kind: 'account' as const };
const taught = [{ id: 'class-1', name: '9 B' }];

describe('who may run a quest with a class', () => {
	it('asks a guest to sign in first', () => {
		expect(classAccess({ kind: 'guest' }, 'class-1', taught)).toEqual({ kind: 'signed-out' });
		expect(classAccess(undefined, 'class-1', taught)).toEqual({ kind: 'signed-out' });
	});

	it('needs the class in the link', () => {
		expect(classAccess(teacher, null, taught)).toEqual({ kind: 'no-class' });
		expect(classAccess(teacher, '', taught)).toEqual({ kind: 'no-class' });
	});

	it('checks the class against the teacher’s classes when online, and trusts the link offline', () => {
		expect(classAccess(teacher, 'class-1', taught)).toEqual({ kind: 'ok', classId: 'class-1', className: '9 B' });
		expect(classAccess(teacher, 'class-2', taught)).toEqual({ kind: 'not-yours' });
		expect(classAccess(teacher, 'class-2', undefined)).toEqual({ kind: 'ok', classId: 'class-2' });
	});
});
