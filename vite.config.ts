import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { paraglideOptions } from './paraglide.options.js';
import { describeCatalogueProblems, findCatalogueProblems } from './src/lib/utils/message-catalogue.ts';

const packageJson = JSON.parse(readFileSync('./package.json', 'utf8')) as { version: string };
const inlangSettings = JSON.parse(readFileSync('./project.inlang/settings.json', 'utf8')) as { locales: string[] };

/** Fails the build (and the dev server) when a message is missing or incomplete in any locale. */
function messageCatalogueGuard(): Plugin {
	return {
		name: 'taza:message-catalogue-guard',
		buildStart() {
			const catalogues = Object.fromEntries(
				inlangSettings.locales.map((locale) => [
					locale,
					JSON.parse(readFileSync(`./messages/${locale}.json`, 'utf8')) as Record<string, unknown>
				])
			);
			const problems = findCatalogueProblems(catalogues);
			if (problems.length > 0) {
				this.error(`Translations are incomplete:\n${describeCatalogueProblems(problems)}`);
			}
		}
	};
}

export default defineConfig({
	define: { __TAZA_VERSION__: JSON.stringify(packageJson.version) },
	plugins: [
		messageCatalogueGuard(),
		paraglideVitePlugin(paraglideOptions),
		sveltekit()
	],
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['src/**/*.spec.ts', 'tests/unit/**/*.test.ts'],
					environment: 'node'
				}
			},
			{
				extends: true,
				test: {
					name: 'integration',
					include: ['tests/integration/**/*.test.ts'],
					environment: 'node',
					testTimeout: 60_000,
					hookTimeout: 120_000
				}
			},
			{
				extends: true,
				test: {
					name: 'browser',
					include: ['tests/browser/**/*.test.ts'],
					environment: 'node',
					testTimeout: 90_000,
					hookTimeout: 120_000,
					// One Chromium at a time: the machine has two cores.
					fileParallelism: false
				}
			}
		]
	}
});
