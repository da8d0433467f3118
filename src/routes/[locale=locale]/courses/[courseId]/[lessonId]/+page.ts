import { findCourse } from '$lib/courses/catalogue';
import { locales } from '$lib/paraglide/runtime';
import { error } from '@sveltejs/kit';
import { catalogue } from 'virtual:taza/catalogue';
import type { EntryGenerator, PageLoad } from './$types';

export const entries: EntryGenerator = () =>
	catalogue.courses.flatMap((course) =>
		course.lessons.flatMap((lesson) => locales.map((locale) => ({ locale, courseId: course.id, lessonId: lesson.id })))
	);

export const load: PageLoad = ({ params }) => {
	const course = findCourse(catalogue, params.courseId);
	const lessonIndex = course?.lessons.findIndex((lesson) => lesson.id === params.lessonId) ?? -1;
	if (!course || lessonIndex < 0) error(404);
	return { course, lessonIndex };
};
