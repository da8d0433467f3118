import type { Audience } from '$lib/content/pack.types';
import { m } from '$lib/paraglide/messages';

export const AUDIENCE_ORDER: Audience[] = ['schoolchildren', 'youth', 'civil-servants', 'teachers'];

export function audienceLabel(audience: Audience): string {
	switch (audience) {
		case 'schoolchildren':
			return m.audience_schoolchildren();
		case 'youth':
			return m.audience_youth();
		case 'civil-servants':
			return m.audience_civil_servants();
		case 'teachers':
			return m.audience_teachers();
	}
}
