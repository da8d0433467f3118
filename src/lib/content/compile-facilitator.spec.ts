import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { withFacilitator, writeCourse, type CourseFixture } from '../../../tests/support/course-fixture.ts';
import { compileCourse, type CompileEnvironment, type CompileResult } from './compile-course.ts';
import { compileAllContent, contentHash, readCourseSource } from './content-files.ts';
import type { CoursePack, FacilitatorPack } from './pack.types.ts';

const env: CompileEnvironment = {
	hash: contentHash,
	legalReviewLabel: { ky: 'юрист текшериши керек', ru: 'требует проверки юристом', en: 'to be checked by a lawyer' },
	appLink: (locale, page) => `/${locale}/${page}`,
	packUrl: (fileName) => `/packs/${fileName}`
};

const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((root) => rmSync(root, { recursive: true, force: true })));

function compile(fixture: CourseFixture, edit?: (absoluteDir: string) => void): CompileResult {
	const { root, dir } = writeCourse(fixture);
	roots.push(root);
	edit?.(path.join(root, dir));
	return compileCourse(readCourseSource(root, dir), env);
}

function problemsOf(result: CompileResult) {
	if (result.ok) throw new Error('expected the course to fail');
	return result.problems;
}

function trainerPack(result: CompileResult, locale: 'ky' | 'ru' | 'en'): FacilitatorPack {
	if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
	return JSON.parse(result.course.facilitator!.packs.find((p) => p.locale === locale)!.body) as FacilitatorPack;
}

const guide = (fixture: CourseFixture) => fixture.facilitator!.guides.basics as { steps: Record<string, unknown>[]; [key: string]: unknown };

describe('a course with facilitator guides', () => {
	it('compiles a trainer pack per locale, apart from the course packs, and lists it in the catalogue', () => {
		const result = compile(withFacilitator());
		if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
		const packs = result.course.facilitator!.packs;
		expect(packs.map((p) => p.locale)).toEqual(['ky', 'ru', 'en']);
		for (const p of packs) expect(p.fileName).toBe(`sample-course.facilitator.${p.locale}.${contentHash(p.body)}.json`);
		expect(result.course.catalogueEntry.facilitator).toEqual({
			version: expect.stringMatching(/^[0-9a-f]{8}$/),
			sessions: [{ id: 'basics', minutes: 45 }],
			locales: Object.fromEntries(packs.map((p) => [p.locale, { pack: `/packs/${p.fileName}`, bytes: Buffer.byteLength(p.body) }]))
		});
		const coursePack = JSON.parse(result.course.packs[1]!.body) as CoursePack & { guides?: unknown };
		expect(coursePack.guides).toBeUndefined();
	});

	it('gives each step the screens of the lesson it uses, and carries titles and the assignment for the trainer', () => {
		const ru = trainerPack(compile(withFacilitator()), 'ru');
		expect(ru.guides[0]!.steps.map((step) => [step.id, step.screens])).toEqual([
			['opening', [1]],
			['groups', [3, 8]]
		]);
		expect(ru.texts['lesson.basics.title']).toBe('Основы');
		expect(ru.texts['basics.step.groups']).toBe('<p>Разложите карточки.</p>\n');
		expect(ru.texts['assignment.criteria.goals']).toBe('Цели конкретны');
		expect(ru.assignment?.criteria).toEqual([{ id: 'goals', required: true }]);
	});

	it('puts the practical assignment in the course pack too, for participants', () => {
		const result = compile(withFacilitator());
		if (!result.ok) throw new Error('expected success');
		const en = JSON.parse(result.course.packs[2]!.body) as CoursePack;
		expect(en.assignment?.plan).toEqual([{ id: 'topic', kind: 'line' }]);
		expect(en.texts['assignment.plan.topic']).toBe('EN: Тема');
	});

	it("lists a guide's legal statements for review with the session they belong to", () => {
		const result = compile(withFacilitator());
		if (!result.ok) throw new Error('expected success');
		expect(result.course.legalClaims.filter((claim) => claim.key.startsWith('facilitator/'))).toEqual([
			{ courseId: 'sample-course', lessonId: 'basics', locale: 'ky', key: 'facilitator/basics.goals', text: 'KY law' },
			{ courseId: 'sample-course', lessonId: 'basics', locale: 'ru', key: 'facilitator/basics.goals', text: 'Закон «О противодействии коррупции» подписан в феврале 2026 года.' },
			{ courseId: 'sample-course', lessonId: 'basics', locale: 'en', key: 'facilitator/basics.goals', text: 'EN law' }
		]);
	});

	it('changes the trainer pack version when a guide text changes, and only then', () => {
		const first = trainerPack(compile(withFacilitator()), 'ru').version;
		expect(trainerPack(compile(withFacilitator()), 'en').version).toBe(first);
		const changed = withFacilitator();
		changed.facilitator!.texts.en!['basics.step.opening'] = 'EN: a better opening';
		expect(trainerPack(compile(changed), 'ru').version).not.toBe(first);
	});
});

describe('a broken facilitator guide fails the build, naming the file, the field and the reason', () => {
	it('missing locale', () => {
		const problems = problemsOf(compile(withFacilitator(), (dir) => rmSync(path.join(dir, 'facilitator/text.en.yaml'))));
		expect(problems).toEqual([
			{ file: expect.stringMatching(/sample-course\/facilitator\/text\.en\.yaml$/), field: '', reason: 'file is missing' }
		]);
	});

	it('missing text in a locale', () => {
		const fixture = withFacilitator();
		delete fixture.facilitator!.texts.ky!['basics.step.groups.question.other'];
		expect(problemsOf(compile(fixture))).toEqual([
			{ file: expect.stringMatching(/facilitator\/text\.ky\.yaml$/), field: 'texts.basics.step.groups.question.other', reason: 'missing' }
		]);
	});

	it('stale text: the source changed after the translation was stamped', () => {
		const problems = problemsOf(
			compile(withFacilitator(), (dir) => {
				const file = path.join(dir, 'facilitator/text.ru.yaml');
				writeFileSync(file, readFileSync(file, 'utf8').replace('Разложите карточки.', 'Разложите карточки по трём стопкам.'));
			})
		);
		expect(problems).toEqual(
			['ky', 'en'].map((locale) => ({
				file: expect.stringMatching(new RegExp(`facilitator/text\\.${locale}\\.yaml$`)),
				field: 'texts.basics.step.groups',
				reason: 'stale: the ru source changed since this was translated'
			}))
		);
	});

	it('translation never stamped', () => {
		const problems = problemsOf(compile({ ...withFacilitator(), stamp: ['en'] }));
		const guideProblems = problems.filter((problem) => problem.file.includes('/facilitator/'));
		expect(guideProblems.length).toBeGreaterThan(0);
		expect(guideProblems.every((p) => p.file.endsWith('facilitator/text.ky.yaml') && p.reason.startsWith('not stamped'))).toBe(true);
	});

	it('unknown session id', () => {
		const fixture = withFacilitator();
		fixture.facilitator!.guides.advanced = { ...guide(fixture), session: 'advanced' };
		expect(problemsOf(compile(fixture))).toEqual([
			{ file: expect.stringMatching(/facilitator\/advanced\.yaml$/), field: 'session', reason: 'unknown session "advanced": not a lesson in course.yaml' }
		]);
	});

	it('a guide named after one session that runs another', () => {
		const fixture = withFacilitator();
		fixture.facilitator!.guides.basics = { ...guide(fixture), session: 'basic' };
		const problems = problemsOf(compile(fixture));
		expect(problems).toContainEqual({ file: expect.stringMatching(/facilitator\/basics\.yaml$/), field: 'session', reason: 'must be "basics", the file\'s name' });
		expect(problems).toContainEqual({
			file: expect.stringMatching(/sample-course\/facilitator$/),
			field: '',
			reason: 'lesson "basics" has no facilitator guide: add facilitator/basics.yaml'
		});
	});

	it('a lesson without a guide', () => {
		const problems = problemsOf(compile(withFacilitator(), (dir) => rmSync(path.join(dir, 'facilitator/basics.yaml'))));
		expect(problems).toEqual([
			{ file: expect.stringMatching(/facilitator$/), field: '', reason: 'lesson "basics" has no facilitator guide: add facilitator/basics.yaml' }
		]);
	});

	it('steps that do not add up to the session, and a session longer than its lesson', () => {
		const fixture = withFacilitator();
		guide(fixture).steps[1]!.minutes = 30;
		guide(fixture).minutes = 50;
		expect(problemsOf(compile(fixture))).toEqual([
			{ file: expect.stringMatching(/facilitator\/basics\.yaml$/), field: 'minutes', reason: 'the guide runs 50 minutes, lesson "basics" says 45' },
			{ file: expect.stringMatching(/facilitator\/basics\.yaml$/), field: 'steps', reason: 'the steps add up to 40 minutes, the session has 50' }
		]);
	});

	it('a step that points at a block its lesson does not have, and a duplicated step', () => {
		const fixture = withFacilitator();
		guide(fixture).steps[0]!.lessonBlocks = ['basics-intro', 'basics-nowhere'];
		guide(fixture).steps.push({ ...guide(fixture).steps[0]!, lessonBlocks: [], minutes: 1 });
		guide(fixture).minutes = 46;
		fixture.lessons.basics!.minutes = 46;
		const problems = problemsOf(compile(fixture));
		expect(problems).toEqual([
			{ file: expect.stringMatching(/basics\.yaml$/), field: 'steps', reason: '"opening" appears twice' },
			{ file: expect.stringMatching(/basics\.yaml$/), field: 'steps[0].lessonBlocks', reason: 'block "basics-nowhere" is not in lesson "basics"' }
		]);
	});

	it('schema error: an unknown way of working the room', () => {
		const fixture = withFacilitator();
		guide(fixture).steps[0]!.format = 'lecture';
		expect(problemsOf(compile(fixture))).toEqual([
			{ file: expect.stringMatching(/facilitator\/basics\.yaml$/), field: 'steps[0].format', reason: expect.stringMatching(/plenary/) }
		]);
	});

	it('a text for something the guide does not have', () => {
		const fixture = withFacilitator();
		fixture.facilitator!.texts.en!['basics.pitfall.typo'] = 'EN: stray';
		expect(problemsOf(compile(fixture))).toEqual([
			{
				file: expect.stringMatching(/facilitator\/text\.en\.yaml$/),
				field: 'texts.basics.pitfall.typo',
				reason: 'unknown id: no such guide, step, material, question, pitfall or adaptation'
			}
		]);
	});

	it('a legal statement lost in translation', () => {
		const fixture = withFacilitator();
		fixture.facilitator!.texts.en!['basics.goals'] = 'EN without the mark';
		expect(problemsOf(compile(fixture))).toContainEqual({
			file: expect.stringMatching(/facilitator\/text\.en\.yaml$/),
			field: 'texts.basics.goals',
			reason: 'has 0 [[law: …]] marks, the ru source has 1'
		});
	});

	it('a practical assignment with a repeated criterion and no text for its prompt', () => {
		const fixture = withFacilitator();
		(fixture.assignment!.criteria as unknown[]).push({ id: 'goals', required: false });
		const problems = problemsOf(compile(fixture));
		expect(problems).toEqual([{ file: expect.stringMatching(/assignment\.yaml$/), field: 'criteria', reason: '"goals" appears twice' }]);
		const missing = withFacilitator();
		delete missing.texts.ky['assignment.reflection.what-worked'];
		expect(problemsOf(compile(missing))).toEqual([
			{ file: expect.stringMatching(/sample-course\/text\.ky\.yaml$/), field: 'texts.assignment.reflection.what-worked', reason: 'missing' }
		]);
	});

	it('two courses with a guide for the same session id', () => {
		const { root } = writeCourse(withFacilitator());
		roots.push(root);
		cpSync('messages', path.join(root, 'messages'), { recursive: true });
		const copy = path.join(root, 'content/courses/other-course');
		cpSync(path.join(root, 'content/courses/sample-course'), copy, { recursive: true });
		const course = readFileSync(path.join(copy, 'course.yaml'), 'utf8').replace('id: sample-course', 'id: other-course');
		writeFileSync(path.join(copy, 'course.yaml'), course);
		expect(compileAllContent(root).problems).toEqual([
			{
				file: 'content/courses/sample-course/facilitator/basics.yaml',
				field: 'session',
				reason: 'course "other-course" already has a facilitator guide for session "basics"'
			}
		]);
	});
});

describe('a training programme’s completion rule', () => {
	const rule = { version: 2, minAttendanceShare: 0.75, testPassPercent: null, assignmentAccepted: true };

	it('is carried from course.yaml into the catalogue beside the guides', () => {
		const fixture = withFacilitator();
		const result = compile({ ...fixture, course: { ...fixture.course, completion: rule } });
		if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
		expect(result.course.catalogueEntry.facilitator?.completion).toEqual(rule);
	});

	it('is refused on a course with no facilitator guides, and a test pass mark on a course with no quiz', () => {
		const fixture = withFacilitator();
		const { facilitator: _guides, ...noGuides } = fixture;
		expect(problemsOf(compile({ ...noGuides, course: { ...fixture.course, completion: rule } }))).toContainEqual(
			expect.objectContaining({ field: 'completion', reason: 'a completion rule belongs to a training programme: a course with facilitator guides' })
		);
		const { quiz: _quiz, ...noQuiz } = fixture.course;
		expect(problemsOf(compile({ ...fixture, course: { ...noQuiz, completion: { ...rule, testPassPercent: 80 } } }))).toContainEqual(
			expect.objectContaining({ field: 'completion.testPassPercent', reason: 'counts a final test, but the course has no quiz' })
		);
	});
});
