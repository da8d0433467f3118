import { locales } from '$lib/paraglide/runtime';
import { error } from '@sveltejs/kit';
import { catalogue } from 'virtual:taza/catalogue';
import { coursesWithGuides, findSession } from '../facilitator-catalogue';
import type { EntryGenerator, PageLoad } from './$types';

export const entries: EntryGenerator = () =>
	coursesWithGuides(catalogue).flatMap((course) =>
		course.facilitator!.sessions.flatMap((session) => locales.map((locale) => ({ locale, sessionId: session.id })))
	);

export const load: PageLoad = ({ params }) => {
	const found = findSession(catalogue, params.sessionId);
	if (!found) error(404);
	return found;
};
