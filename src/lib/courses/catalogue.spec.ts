import { describe, expect, it } from 'vitest';
import type { Catalogue, CatalogueCourse } from '$lib/content/pack.types';
import { filterCatalogue, findCourse } from './catalogue';

function course(id: string, audiences: CatalogueCourse['audiences'], mandatory: boolean, titles: [string, string, string]): CatalogueCourse {
	const [ky, ru, en] = titles;
	const locale = (title: string) => ({ title, summary: '', pack: `/packs/${id}.json`, bytes: 1 });
	return { id, version: 'v', audiences, mandatory, minutes: 10, questionCount: 3, hasQuiz: false, mastery: { rule: 'all-lessons' }, lessons: [], locales: { ky: locale(ky), ru: locale(ru), en: locale(en) } };
}

const catalogue: Catalogue = {
	format: 1,
	courses: [
		course('rights', ['youth'], false, ['Укуктарым', 'Мои права', 'My rights']),
		course('integrity', ['civil-servants'], true, ['Ак ниеттүүлүк', 'Добросовестность', 'Integrity']),
		course('choices', ['schoolchildren', 'youth'], false, ['Чынчыл тандоо', 'Честный выбор', 'Honest choices'])
	]
};

describe('filterCatalogue', () => {
	it('keeps the courses of an audience', () => {
		expect(filterCatalogue(catalogue, { audience: 'youth', language: 'en' }).map((c) => c.id)).toEqual(['choices', 'rights']);
	});

	it('shows mandatory courses first, then by title in the chosen language', () => {
		expect(filterCatalogue(catalogue, { audience: 'all', language: 'ru' }).map((c) => c.id)).toEqual(['integrity', 'rights', 'choices']);
	});

	it('leaves out courses without that language', () => {
		const partial: Catalogue = { format: 1, courses: [{ ...catalogue.courses[0]!, locales: { ...catalogue.courses[0]!.locales, en: { title: '', summary: '', pack: '', bytes: 0 } } }] };
		expect(filterCatalogue(partial, { audience: 'all', language: 'en' })).toEqual([]);
	});

	it('finds a course by id', () => {
		expect(findCourse(catalogue, 'integrity')?.mandatory).toBe(true);
		expect(findCourse(catalogue, 'nope')).toBeUndefined();
	});
});
