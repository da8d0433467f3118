import type { StepFormat } from '$lib/content/pack.types';
import { m } from '$lib/paraglide/messages';

export const formatLabel = (format: StepFormat): string =>
	({
		plenary: m.facilitator_format_plenary(),
		groups: m.facilitator_format_groups(),
		pairs: m.facilitator_format_pairs(),
		individual: m.facilitator_format_individual()
	})[format];
