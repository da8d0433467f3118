import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { describeCatalogueProblems, findCatalogueProblems } from '../src/lib/utils/message-catalogue.ts';

/** A Vite plugin that fails the build (and the dev server) when a message is missing or incomplete in any locale. */
export function messageCatalogueGuard(options: { messagesDir: string; locales: readonly string[] }): Plugin {
	return {
		name: 'taza:message-catalogue-guard',
		buildStart() {
			const catalogues = Object.fromEntries(
				options.locales.map((locale) => [
					locale,
					JSON.parse(readFileSync(path.join(options.messagesDir, `${locale}.json`), 'utf8')) as Record<string, unknown>
				])
			);
			const problems = findCatalogueProblems(catalogues);
			if (problems.length > 0) {
				this.error(`Translations are incomplete:\n${describeCatalogueProblems(problems)}`);
			}
		}
	};
}
