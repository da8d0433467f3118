import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contentPacks } from '../../scripts/content-packs-plugin';
import { sampleCourse, writeCourse } from '../support/course-fixture';
import { buildStartError } from '../support/vite-plugin';

const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((root) => rmSync(root, { recursive: true, force: true })));

function projectWith(fixture: ReturnType<typeof sampleCourse>): string {
	const { root } = writeCourse(fixture);
	roots.push(root);
	cpSync('messages', path.join(root, 'messages'), { recursive: true });
	return root;
}

const runBuildStart = (root: string) => buildStartError(contentPacks({ root }));

describe('the build', () => {
	it('fails on broken content, naming the file and the field', () => {
		const fixture = sampleCourse();
		(fixture.lessons.basics!.blocks as { options?: string[] }[])[2]!.options = ['envelope'];
		const message = runBuildStart(projectWith(fixture));
		expect(message).toContain('content/courses/sample-course/lessons/basics.yaml: blocks[2].options');
		expect(message).toContain('a choice question needs at least 2 options');
	});

	it('writes a content-hashed pack per locale and the catalogue for sound content', () => {
		const root = projectWith(sampleCourse());
		expect(runBuildStart(root)).toBeUndefined();
		const packs = readdirSync(path.join(root, 'static/packs')).sort();
		expect(packs).toHaveLength(4);
		expect(packs).toContain('catalogue.json');
		expect(packs.filter((file) => /^sample-course\.(ky|ru|en)\.[0-9a-f]{8}\.json$/.test(file))).toHaveLength(3);
		expect(existsSync(path.join(root, 'static/packs/catalogue.json'))).toBe(true);
	});
});
