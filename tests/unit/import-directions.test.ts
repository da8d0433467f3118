import { describe, expect, it } from 'vitest';
import { checkImports, checkLibrary, importSpecifiers } from '../support/import-rules';

describe('import directions (shared/DESIGN.md §2)', () => {
	it('holds for every file in src/lib', () => {
		expect(checkLibrary('src/lib')).toEqual([]);
	});

	it('reads static, type-only, dynamic and side-effect imports', () => {
		const source = `import a from '$lib/x';\nimport type { B } from "./b";\nexport { c } from '../c';\nconst d = import('dexie');\nimport './e.css';`;
		expect(importSpecifiers(source)).toEqual(['$lib/x', './b', '../c', 'dexie', './e.css']);
	});

	it('catches a forbidden direction, a framework in a pure rule, text in a library module and a route import', () => {
		expect(checkImports('utils/a.ts', "import { x } from '$lib/storage/database';")[0]?.reason).toBe(
			'utils may not import storage'
		);
		expect(checkImports('courses/mastery.ts', "import { Dexie } from 'dexie';")[0]?.reason).toBe('courses is pure: no dexie');
		expect(checkImports('games/core/phaser-loader.ts', "const p = import('phaser');")).toEqual([]);
		expect(checkImports('games/gift-or-bribe/rules.ts', "import Phaser from 'phaser';")[0]?.reason).toBe('games is pure: no phaser');
		expect(checkImports('courses/Player.svelte', "import { onMount } from 'svelte';")).toEqual([]);
		expect(checkImports('ui/Card.svelte', "import { m } from '$lib/paraglide/messages';")[0]?.reason).toBe(
			'library modules get their text as props or arguments'
		);
		expect(checkImports('ui/Card.svelte', "import x from '../../routes/helper';")[0]?.reason).toMatch(/outside src\/lib/);
		expect(checkImports('sync/outbox.ts', "import { db } from '../storage/database';")).toEqual([]);
		expect(checkImports('content/a.spec.ts', "import { f } from '../../../tests/support/course-fixture';")).toEqual([]);
		expect(checkImports('content/a.ts', "import { f } from '../../../tests/support/course-fixture';")).toHaveLength(1);
	});
});
