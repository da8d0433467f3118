import path from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { describeProblems } from '../src/lib/content/content-problem.ts';
import { compileAllContent, writePacks, type ContentBuild } from '../src/lib/content/content-files.ts';
import { answerKeysOf } from '../src/lib/content/answer-keys.ts';

const VIRTUAL = {
	catalogue: 'virtual:taza/catalogue',
	legalClaims: 'virtual:taza/legal-claims',
	reportingChannels: 'virtual:taza/reporting-channels',
	answerKeys: 'virtual:taza/answer-keys',
	quests: 'virtual:taza/quests'
} as const;

/**
 * Compiles content/ when the build starts: fails the build on any content problem, writes the course packs and the
 * catalogue to static/packs/ and the compiled quests to static/packs/quests/ (served as files, downloaded when
 * needed, never precached), and offers the catalogue, the quest catalogue, the legal-review list and the reporting
 * channels to pages as virtual modules.
 */
export function contentPacks(options: { root: string; /** comma-separated course ids: build only these */ only?: string }): Plugin {
	let build: ContentBuild | undefined;
	const only = options.only?.split(',').map((id) => id.trim()).filter(Boolean);
	const compile = () => {
		const next = compileAllContent(options.root, only);
		if (next.problems.length > 0) throw new Error(`Content has problems:\n${describeProblems(next.problems)}`);
		writePacks(next, path.join(options.root, 'static/packs'));
		build = next;
		return next;
	};
	const current = () => build ?? compile();
	const moduleBody = (id: string): string | undefined => {
		if (id === `\0${VIRTUAL.catalogue}`) return `export const catalogue = ${JSON.stringify(current().catalogue)};`;
		if (id === `\0${VIRTUAL.legalClaims}`) return `export const legalClaims = ${JSON.stringify(current().legalClaims)};`;
		if (id === `\0${VIRTUAL.quests}`) return `export const questCatalogue = ${JSON.stringify(current().questCatalogue)};`;
		if (id === `\0${VIRTUAL.answerKeys}`) return `export const answerKeys = ${JSON.stringify(answerKeysOf(current().courses))};`;
		if (id === `\0${VIRTUAL.reportingChannels}`) {
			return `export const reportingChannels = ${JSON.stringify(current().reportingChannels)};`;
		}
		return undefined;
	};
	return {
		name: 'taza:content-packs',
		buildStart() {
			try {
				compile();
			} catch (error) {
				this.error(error instanceof Error ? error.message : String(error));
			}
		},
		resolveId(id) {
			return (Object.values(VIRTUAL) as string[]).includes(id) ? `\0${id}` : undefined;
		},
		load(id) {
			return moduleBody(id);
		},
		configureServer(server: ViteDevServer) {
			server.watcher.add(path.join(options.root, 'content'));
			server.watcher.on('change', (file) => {
				if (!file.startsWith(path.join(options.root, 'content'))) return;
				try {
					compile();
				} catch (error) {
					server.config.logger.error(error instanceof Error ? error.message : String(error));
					return;
				}
				for (const id of Object.values(VIRTUAL)) {
					const module = server.moduleGraph.getModuleById(`\0${id}`);
					if (module) server.moduleGraph.invalidateModule(module);
				}
				server.ws.send({ type: 'full-reload' });
			});
		}
	};
}
