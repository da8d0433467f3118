import { describe, expect, it } from 'vitest';
import { provisionalTeacherProblem } from './provisional-teacher';

const draft = { displayName: 'Чолпон Асанова', phone: '', schoolCode: 'N-1' };

describe('a teacher added on the spot', () => {
	it('needs a name and a school; a phone is optional but must look like one', () => {
		expect(provisionalTeacherProblem(draft)).toBeUndefined();
		expect(provisionalTeacherProblem({ ...draft, phone: '+996 (555) 12-34-56' })).toBeUndefined();
		expect(provisionalTeacherProblem({ ...draft, displayName: '   ' })).toBe('name-missing');
		expect(provisionalTeacherProblem({ ...draft, displayName: 'ө'.repeat(121) })).toBe('name-too-long');
		expect(provisionalTeacherProblem({ ...draft, phone: 'call me' })).toBe('phone-invalid');
		expect(provisionalTeacherProblem({ ...draft, phone: '12345' })).toBe('phone-invalid');
		expect(provisionalTeacherProblem({ ...draft, schoolCode: '' })).toBe('school-missing');
	});
});
