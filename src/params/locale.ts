import { isLocale, type Locale } from '$lib/paraglide/runtime';
import type { ParamMatcher } from '@sveltejs/kit';

export const match = ((param: string): param is Locale => isLocale(param)) satisfies ParamMatcher;
