import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleCourse, writeCourse } from '../../../tests/support/course-fixture.ts';
import { answerKeysOf } from './answer-keys.ts';
import { compileAllContent } from './content-files.ts';
import type { CoursePack } from './pack.types.ts';

const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((root) => rmSync(root, { recursive: true, force: true })));

describe('answer keys', () => {
	it("give the server each course's version, quiz settings and bank with its key, without lesson links or texts", () => {
		const { root } = writeCourse(sampleCourse());
		roots.push(root);
		cpSync('messages', path.join(root, 'messages'), { recursive: true });
		const build = compileAllContent(root);
		expect(build.problems).toEqual([]);
		const pack = JSON.parse(build.courses[0]!.packs[0]!.body) as CoursePack;
		expect(answerKeysOf(build.courses)).toEqual({
			'sample-course': {
				version: pack.version,
				quiz: { draw: 2, passPercent: 50, attempts: 2 },
				bank: [
					{ id: 'bank-one', type: 'true-false', correct: false },
					{ id: 'bank-two', type: 'single-choice', options: ['declare', 'hide'], correct: 'declare' }
				]
			}
		});
	});
});
