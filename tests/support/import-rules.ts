// The module map of shared/DESIGN.md §2 as data, and a checker that finds imports going against it.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Which src/lib modules each module may import (itself always). */
export const ALLOWED_MODULE_IMPORTS: Record<string, readonly string[]> = {
	utils: [],
	progress: ['utils'],
	content: ['utils'],
	identity: ['utils', 'progress'],
	courses: ['content', 'progress', 'utils'],
	games: ['content', 'progress', 'utils'],
	training: ['content', 'progress', 'courses', 'utils'],
	certificates: ['utils'],
	storage: ['progress', 'content', 'utils'],
	sync: ['storage', 'progress', 'utils'],
	server: ['utils', 'progress', 'content', 'identity', 'courses', 'games', 'training', 'certificates'],
	ui: ['utils'],
	// Not in DESIGN §2: service-worker registration and connectivity, browser only (see src/lib/pwa/README.md).
	pwa: ['utils']
};

/** Modules whose plain TypeScript must stay pure: no framework, engine, storage or I/O package. */
const PURE_MODULES = new Set(['utils', 'progress', 'content', 'identity', 'courses', 'games', 'training', 'certificates']);
const IMPURE_PACKAGES = [/^svelte($|\/)/, /^phaser$/, /^dexie$/, /^drizzle-orm/, /^better-sqlite3$/, /^workbox-/, /^\$app\//];
/**
 * Files in pure modules that may use a framework: components, rune modules, xstate machines' Phaser scenes, and the
 * games core's Phaser door (`games/core/phaser-*.ts`: the lazy loader and the mount helper every game shares).
 */
const FRAMEWORK_FILE = /(\.svelte|\.svelte\.ts|\/scenes\/.*\.ts|^games\/core\/phaser-[\w-]+\.ts)$/;

export interface ImportViolation {
	file: string;
	specifier: string;
	reason: string;
}

const IMPORT_PATTERN =
	/(?:import|export)\s+(?:type\s+)?[^'"`;]*?\sfrom\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;

export function importSpecifiers(source: string): string[] {
	return [...source.matchAll(IMPORT_PATTERN)].map((match) => match[1] ?? match[2] ?? match[3] ?? '');
}

function moduleOf(libRelativePath: string): string {
	return libRelativePath.split(/[\\/]/)[0] ?? '';
}

/** Checks one file of src/lib against the map. `fileInLib` is relative to src/lib. */
export function checkImports(fileInLib: string, source: string): ImportViolation[] {
	const fromModule = moduleOf(fileInLib);
	const allowed = ALLOWED_MODULE_IMPORTS[fromModule];
	const violations: ImportViolation[] = [];
	if (!allowed) return [{ file: fileInLib, specifier: '', reason: `src/lib/${fromModule} is not in the module map` }];
	for (const specifier of importSpecifiers(source)) {
		let target: string | undefined;
		if (specifier.startsWith('$lib/')) target = specifier.slice('$lib/'.length);
		else if (specifier.startsWith('.')) {
			const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(fileInLib), specifier));
			// Unit tests beside the code may use the shared test factories in tests/support.
			if (fileInLib.includes('.spec.') && resolved.startsWith('../../tests/support/')) continue;
			if (resolved.startsWith('..')) {
				violations.push({ file: fileInLib, specifier, reason: 'reaches outside src/lib (nothing imports from routes/)' });
				continue;
			}
			target = resolved;
		} else if (specifier === '$paraglide' || specifier.startsWith('$paraglide/')) target = 'paraglide';
		if (target !== undefined) {
			const toModule = moduleOf(target);
			if (toModule === 'paraglide') {
				violations.push({ file: fileInLib, specifier, reason: 'library modules get their text as props or arguments' });
			} else if (toModule !== fromModule && !allowed.includes(toModule)) {
				violations.push({ file: fileInLib, specifier, reason: `${fromModule} may not import ${toModule}` });
			}
			continue;
		}
		if (PURE_MODULES.has(fromModule) && !FRAMEWORK_FILE.test(fileInLib)) {
			const impure = IMPURE_PACKAGES.find((pattern) => pattern.test(specifier));
			if (impure) violations.push({ file: fileInLib, specifier, reason: `${fromModule} is pure: no ${specifier}` });
		}
	}
	return violations;
}

export function checkLibrary(libDir: string): ImportViolation[] {
	const violations: ImportViolation[] = [];
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			const relative = path.relative(libDir, full).split(path.sep).join('/');
			if (entry.isDirectory()) {
				if (relative !== 'paraglide') walk(full);
			} else if (/\.(ts|js|svelte)$/.test(entry.name)) {
				violations.push(...checkImports(relative, readFileSync(full, 'utf8')));
			}
		}
	};
	walk(libDir);
	return violations;
}
