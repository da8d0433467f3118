import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleCourse, writeCourse, type CourseFixture } from '../../../tests/support/course-fixture.ts';
import { compileCourse, type CompileEnvironment, type CompileResult } from './compile-course.ts';
import { contentHash, readCourseSource } from './content-files.ts';
import type { CoursePack } from './pack.types.ts';

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

function pack(result: CompileResult, locale: 'ky' | 'ru' | 'en'): CoursePack {
	if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
	return JSON.parse(result.course.packs.find((p) => p.locale === locale)!.body) as CoursePack;
}

describe('a sound course', () => {
	it('compiles one pack per locale, named by its content hash', () => {
		const result = compile(sampleCourse());
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.course.packs.map((p) => p.locale)).toEqual(['ky', 'ru', 'en']);
		for (const p of result.course.packs) expect(p.fileName).toBe(`sample-course.${p.locale}.${contentHash(p.body)}.json`);
		expect(result.course.catalogueEntry.locales.ru).toMatchObject({ title: 'Пробный курс', pack: `/packs/${result.course.packs[1]!.fileName}` });
		expect(result.course.counts.ru).toMatchObject({ lessons: 1, blocks: 8, questions: 8 });
	});

	it('renders Markdown, rewrites app links and marks legal statements for review', () => {
		const ru = pack(compile(sampleCourse()), 'ru');
		expect(ru.texts['basics-intro']).toContain('<strong>злоупотребление</strong>');
		expect(ru.texts['basics-intro']).toContain('<a href="/ru/reporting-channels">официальные каналы</a>');
		expect(ru.texts['basics-intro']).toContain(
			'<span class="legal-claim">Закон «О противодействии коррупции» подписан в феврале 2026 года.<span class="legal-mark"> (требует проверки юристом)</span></span>'
		);
	});

	it('lists every marked legal statement with its course, lesson and locale', () => {
		const result = compile(sampleCourse());
		if (!result.ok) throw new Error('expected success');
		expect(result.course.legalClaims).toEqual([
			{ courseId: 'sample-course', lessonId: 'basics', locale: 'ky', key: 'basics-intro', text: 'KY law' },
			{ courseId: 'sample-course', lessonId: 'basics', locale: 'ru', key: 'basics-intro', text: 'Закон «О противодействии коррупции» подписан в феврале 2026 года.' },
			{ courseId: 'sample-course', lessonId: 'basics', locale: 'en', key: 'basics-intro', text: 'EN law' }
		]);
	});

	it('removes raw HTML that an author or translator typed', () => {
		const fixture = sampleCourse();
		fixture.texts.ru['basics-intro'] =
			'[[law: L]] Hi <script>alert(1)</script><img src=x onerror="alert(2)"> [x](javascript:alert(3)) <b onclick="y()">b</b>';
		const html = pack(compile(fixture), 'ru').texts['basics-intro']!;
		expect(html).not.toMatch(/script|onerror|javascript:|onclick|<img/);
		expect(html).toContain('<b>b</b>');
	});

	it('gives a lesson the same version until its structure or text changes', () => {
		const first = pack(compile(sampleCourse()), 'ru').lessons[0]!.version;
		expect(pack(compile(sampleCourse()), 'en').lessons[0]!.version).toBe(first);
		const changed = sampleCourse();
		changed.texts.en['basics-tf.explanation'] = 'EN: a better explanation';
		expect(pack(compile(changed), 'ru').lessons[0]!.version).not.toBe(first);
	});
});

describe('a broken course fails, naming the file, the field and the reason', () => {
	it('schema error', () => {
		const fixture = sampleCourse();
		fixture.lessons.basics!.minutes = 'ten';
		expect(problemsOf(compile(fixture))).toEqual([
			{ file: expect.stringMatching(/sample-course\/lessons\/basics\.yaml$/), field: 'minutes', reason: expect.stringMatching(/number/) }
		]);
	});

	it('invalid YAML', () => {
		const problems = problemsOf(compile(sampleCourse(), (dir) => writeFileSync(path.join(dir, 'bank.yaml'), 'questions: [\n  - id: x')));
		expect(problems[0]).toMatchObject({ file: expect.stringMatching(/bank\.yaml$/), reason: expect.stringMatching(/^not valid YAML/) });
	});

	it('missing locale', () => {
		const problems = problemsOf(compile(sampleCourse(), (dir) => rmSync(path.join(dir, 'text.en.yaml'))));
		expect(problems).toEqual([{ file: expect.stringMatching(/sample-course\/text\.en\.yaml$/), field: '', reason: 'file is missing' }]);
	});

	it('missing text in a locale', () => {
		const fixture = sampleCourse();
		delete fixture.texts.ky['basics-pick.envelope'];
		expect(problemsOf(compile(fixture))).toEqual([
			{ file: expect.stringMatching(/text\.ky\.yaml$/), field: 'texts.basics-pick.envelope', reason: 'missing' }
		]);
	});

	it('stale translation', () => {
		const problems = problemsOf(
			compile(sampleCourse(), (dir) => {
				const file = path.join(dir, 'text.ru.yaml');
				writeFileSync(file, readFileSync(file, 'utf8').replace('Что из этого взятка?', 'Что из этого — взятка?'));
			})
		);
		expect(problems).toEqual([
			{ file: expect.stringMatching(/text\.ky\.yaml$/), field: 'texts.basics-pick.prompt', reason: 'stale: the ru source changed since this was translated' },
			{ file: expect.stringMatching(/text\.en\.yaml$/), field: 'texts.basics-pick.prompt', reason: 'stale: the ru source changed since this was translated' }
		]);
	});

	it('translation never stamped', () => {
		const fixture = { ...sampleCourse(), stamp: ['en' as const] };
		const problems = problemsOf(compile(fixture));
		expect(problems.every((p) => p.file.endsWith('text.ky.yaml') && p.reason.startsWith('not stamped'))).toBe(true);
	});

	it('unknown id reference: a lesson and an answer', () => {
		const fixture = sampleCourse();
		(fixture.course.lessons as string[]).push('advanced');
		(fixture.bank!.questions as { lesson?: string }[])[1]!.lesson = 'nowhere';
		(fixture.lessons.basics!.blocks as { correct?: unknown }[])[2]!.correct = 'money';
		expect(problemsOf(compile(fixture))).toEqual([
			{ file: expect.stringMatching(/course\.yaml$/), field: 'lessons[1]', reason: 'unknown lesson: lessons/advanced.yaml does not exist' },
			{ file: expect.stringMatching(/lessons\/basics\.yaml$/), field: 'blocks[2].correct', reason: '"money" is not one of the options' },
			{ file: expect.stringMatching(/bank\.yaml$/), field: 'questions[1].lesson', reason: 'unknown lesson "nowhere"' }
		]);
	});

	it('unknown id reference: a text for something that does not exist', () => {
		const fixture = sampleCourse();
		fixture.texts.en['basics-pick.typo'] = 'EN: stray';
		expect(problemsOf(compile(fixture))).toEqual([
			{ file: expect.stringMatching(/text\.en\.yaml$/), field: 'texts.basics-pick.typo', reason: 'unknown id: no such course, lesson, block or option' }
		]);
	});

	it('duplicated id', () => {
		const fixture = sampleCourse();
		(fixture.bank!.questions as { id: string }[])[0]!.id = 'basics-tf';
		const problems = problemsOf(compile(fixture));
		expect(problems).toContainEqual({
			file: expect.stringMatching(/bank\.yaml$/),
			field: 'questions[0].id',
			reason: expect.stringMatching(/^id "basics-tf" is already used in .*lessons\/basics\.yaml$/)
		});
	});

	it('question without a correct answer', () => {
		const fixture = sampleCourse();
		delete (fixture.lessons.basics!.blocks as { correct?: unknown }[])[2]!.correct;
		(fixture.lessons.basics!.blocks as { correct?: unknown }[])[3]!.correct = [];
		delete (fixture.lessons.basics!.blocks as { correct?: unknown }[])[4]!.correct;
		expect(problemsOf(compile(fixture))).toEqual(
			[2, 3, 4].map((index) => ({
				file: expect.stringMatching(/lessons\/basics\.yaml$/),
				field: `blocks[${index}].correct`,
				reason: 'the question has no correct answer'
			}))
		);
	});

	it('choice question with fewer than 2 options', () => {
		const fixture = sampleCourse();
		const question = (fixture.lessons.basics!.blocks as { options?: string[] }[])[2]!;
		question.options = ['envelope'];
		delete fixture.texts.ky['basics-pick.flowers'];
		delete fixture.texts.ru['basics-pick.flowers'];
		delete fixture.texts.en['basics-pick.flowers'];
		expect(problemsOf(compile(fixture))).toEqual([
			{ file: expect.stringMatching(/lessons\/basics\.yaml$/), field: 'blocks[2].options', reason: 'a choice question needs at least 2 options, has 1' }
		]);
	});

	it('a legal statement lost in translation', () => {
		const fixture = sampleCourse();
		fixture.texts.en['basics-intro'] = 'EN without the mark';
		expect(problemsOf(compile(fixture))).toContainEqual({
			file: expect.stringMatching(/text\.en\.yaml$/),
			field: 'texts.basics-intro',
			reason: 'has 0 [[law: …]] marks, the ru source has 1'
		});
	});

	it('a quiz that draws more than the bank holds', () => {
		const fixture = sampleCourse();
		(fixture.course.quiz as { draw: number }).draw = 5;
		expect(problemsOf(compile(fixture))).toEqual([
			{ file: expect.stringMatching(/course\.yaml$/), field: 'quiz.draw', reason: 'draws 5 questions but the bank has 2' }
		]);
	});
});
