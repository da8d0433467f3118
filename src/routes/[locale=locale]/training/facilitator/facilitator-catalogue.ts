import type { Catalogue, CatalogueCourse } from '$lib/content/pack.types';

/** Courses that come with facilitator guides for trainers. */
export const coursesWithGuides = (catalogue: Catalogue): CatalogueCourse[] => catalogue.courses.filter((course) => course.facilitator);

/** The course a session's guide belongs to, and where the session stands in it (session ids are unique across courses). */
export function findSession(catalogue: Catalogue, sessionId: string): { course: CatalogueCourse; index: number } | undefined {
	for (const course of coursesWithGuides(catalogue)) {
		const index = course.facilitator!.sessions.findIndex((session) => session.id === sessionId);
		if (index >= 0) return { course, index };
	}
	return undefined;
}
