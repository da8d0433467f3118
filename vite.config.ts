import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { paraglideOptions } from './paraglide.options.js';
import { contentPacks } from './scripts/content-packs-plugin.ts';
import { gameChunkNames } from './scripts/game-chunks-plugin.ts';
import { messageCatalogueGuard } from './scripts/message-catalogue-guard.ts';
import { miniGameContent } from './scripts/minigame-content-plugin.ts';

const packageJson = JSON.parse(readFileSync('./package.json', 'utf8')) as { version: string };
const inlangSettings = JSON.parse(readFileSync('./project.inlang/settings.json', 'utf8')) as { locales: string[] };

export default defineConfig({
	define: { __TAZA_VERSION__: JSON.stringify(packageJson.version) },
	build: {
		rollupOptions: {
			output: {
				// Games load Phaser and their data on demand, each in a chunk of its own with a stable name, so no page
				// but a game's pulls them in and the service worker can fetch them after the first visit instead of at
				// install (scripts/game-chunks-plugin.ts, src/service-worker.ts).
				codeSplitting: {
					groups: [
						{ name: 'game-phaser', test: /node_modules[\\/]phaser[\\/]/ },
						{
							name: (id: string) => {
								const game = /virtual:taza\/minigame\/([a-z0-9-]+)$/.exec(id)?.[1];
								return game ? `game-data-${game}` : null;
							}
						}
					]
				}
			}
		}
	},
	plugins: [
		gameChunkNames(),
		messageCatalogueGuard({ messagesDir: './messages', locales: inlangSettings.locales }),
		// Unit tests exercise the compiler directly; they must not depend on every course in content/ being sound.
		...(process.env.VITEST ? [] : [contentPacks({ root: import.meta.dirname, only: process.env.TAZA_CONTENT_COURSES })]),
		...(process.env.VITEST ? [] : [miniGameContent({ root: import.meta.dirname })]),
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
					// One file at a time: each starts its own server on a free port, and two files picking ports at the
					// same moment could land on one port and talk to each other's server.
					fileParallelism: false,
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
					// A poll waits on a real server (argon2 hashing, sync) that a loaded CI machine makes slow: vitest's
					// one-second default failed a sign-up that took longer, not a wrong result.
					expect: { poll: { timeout: 10_000 } },
					// One Chromium at a time: the machine has two cores.
					fileParallelism: false
				}
			}
		]
	}
});
