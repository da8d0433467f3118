import { defineCustomClientStrategy, locales } from '$lib/paraglide/runtime';
import { localeFromPathname } from '$lib/utils/locale-path';

// The page's locale is the first path segment. Switching language is a navigation to another path,
// so setting the locale has nothing to do here; paraglide's cookie strategy remembers the choice.
defineCustomClientStrategy('custom-path', {
	getLocale: () => localeFromPathname(window.location.pathname, locales),
	setLocale: () => {}
});
