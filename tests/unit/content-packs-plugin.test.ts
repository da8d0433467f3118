import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contentPacks } from '../../scripts/content-packs-plugin';
import { sampleCourse, writeCourse } from '../support/course-fixture';
import { sampleQuest, writeQuest } from '../support/quest-fixture';
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
		expect(packs).toHaveLength(5);
		expect(packs).toContain('catalogue.json');
		expect(packs).toContain('quests');
		expect(packs.filter((file) => /^sample-course\.(ky|ru|en)\.[0-9a-f]{8}\.json$/.test(file))).toHaveLength(3);
		expect(existsSync(path.join(root, 'static/packs/catalogue.json'))).toBe(true);
	});

	it('writes each quest content-hashed beside its catalogue, offers the catalogue as virtual:taza/quests, and fails on a broken quest', () => {
		const root = projectWith(sampleCourse());
		const quest = writeQuest(sampleQuest());
		roots.push(quest.root);
		cpSync(path.join(quest.root, 'content/quests'), path.join(root, 'content/quests'), { recursive: true });
		const plugin = contentPacks({ root });
		expect(buildStartError(plugin)).toBeUndefined();
		const files = readdirSync(path.join(root, 'static/packs/quests')).sort();
		expect(files).toHaveLength(2);
		expect(files[1]).toMatch(/^sample-quest\.[0-9a-f]{8}\.json$/);
		const catalogue = JSON.parse(readFileSync(path.join(root, 'static/packs/quests/catalogue.json'), 'utf8'));
		expect(catalogue.quests[0]).toMatchObject({ id: 'sample-quest', url: `/packs/quests/${files[1]}`, stats: { decisions: 1, endings: 2 } });
		const resolved = (plugin.resolveId as (id: string) => string)('virtual:taza/quests');
		expect((plugin.load as (id: string) => string)(resolved)).toBe(`export const questCatalogue = ${JSON.stringify(catalogue)};`);

		const broken = sampleQuest();
		broken.quest.start = 'nowhere';
		const other = projectWith(sampleCourse());
		const written = writeQuest(broken);
		roots.push(written.root);
		cpSync(path.join(written.root, 'content/quests'), path.join(other, 'content/quests'), { recursive: true });
		expect(buildStartError(contentPacks({ root: other }))).toContain('content/quests/sample-quest/quest.yaml: start — unknown node "nowhere"');
	});
});
