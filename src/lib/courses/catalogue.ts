import type { Audience, Catalogue, CatalogueCourse, Locale } from '$lib/content/pack.types';

export interface CatalogueFilter {
	audience: Audience | 'all';
	/** The language the learner wants to take the course in. */
	language: Locale;
}

/** Courses for an audience, available in a language; mandatory courses first, then by title in that language. */
export function filterCatalogue(catalogue: Catalogue, filter: CatalogueFilter): CatalogueCourse[] {
	return catalogue.courses
		.filter((course) => filter.audience === 'all' || course.audiences.includes(filter.audience))
		.filter((course) => Boolean(course.locales[filter.language]?.title))
		.sort(
			(a, b) =>
				Number(b.mandatory) - Number(a.mandatory) ||
				a.locales[filter.language].title.localeCompare(b.locales[filter.language].title, filter.language === 'ky' ? 'ru' : filter.language)
		);
}

export function findCourse(catalogue: Catalogue, courseId: string): CatalogueCourse | undefined {
	return catalogue.courses.find((course) => course.id === courseId);
}
