import { findCourse } from '$lib/courses/catalogue';
import { locales } from '$lib/paraglide/runtime';
import { error } from '@sveltejs/kit';
import { catalogue } from 'virtual:taza/catalogue';
import type { EntryGenerator, PageLoad } from './$types';

export const entries: EntryGenerator = () =>
	catalogue.courses.filter((course) => course.hasQuiz).flatMap((course) => locales.map((locale) => ({ locale, courseId: course.id })));

export const load: PageLoad = ({ params }) => {
	const course = findCourse(catalogue, params.courseId);
	if (!course?.hasQuiz) error(404);
	return { course };
};
