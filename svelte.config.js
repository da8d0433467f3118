import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { readFileSync } from 'node:fs';

const settings = JSON.parse(readFileSync(new URL('./project.inlang/settings.json', import.meta.url), 'utf8'));
/** @type {string[]} */
const locales = settings.locales;

// Pages that must open offline. Each is prerendered once per locale and precached by the service worker.
const offlinePages = ['', '/courses', '/games', '/games/gift-or-bribe', '/games/spot-the-risk', '/account', '/classes', '/organisations', '/admin', '/join', '/settings', '/reporting-channels', '/content-review', '/verify', '/certificates', '/training/seminars', '/training/seminars/run', '/training/seminars/review', '/training/check-in', '/training/assignment', '/admin/targets', '/admin/targets/people', '/training/seminars/new'];

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ precompress: true }),
		// Absolute asset paths: the same cached shell must hydrate at /ky, /ru/settings, …
		paths: { relative: false },
		// workbox-window registers the worker so that we can show "a new version is ready".
		serviceWorker: { register: false },
		prerender: {
			crawl: true,
			entries: locales.flatMap((locale) => offlinePages.map((page) => `/${locale}${page}`))
		},
		alias: {
			$paraglide: 'src/lib/paraglide'
		}
	}
};

export default config;
