import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { messageCatalogueGuard } from '../../scripts/message-catalogue-guard';
import { buildStartError } from '../support/vite-plugin';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function catalogues(files: Record<string, Record<string, unknown>>): string {
	const dir = mkdtempSync(path.join(tmpdir(), 'taza-messages-'));
	dirs.push(dir);
	for (const [locale, messages] of Object.entries(files)) writeFileSync(path.join(dir, `${locale}.json`), JSON.stringify(messages));
	return dir;
}

const runGuard = (messagesDir: string) => buildStartError(messageCatalogueGuard({ messagesDir, locales: ['ky', 'ru', 'en'] }));

describe('the build’s translation guard', () => {
	it('lets a complete set of catalogues through', () => {
		expect(runGuard(catalogues({ ky: { a: 'А' }, ru: { a: 'А' }, en: { a: 'A' } }))).toBeUndefined();
	});

	it('fails the build naming the file and the missing message', () => {
		expect(runGuard(catalogues({ ky: { a: 'А', b: 'Б' }, ru: { a: 'А', b: 'Б' }, en: { a: 'A' } }))).toBe(
			'Translations are incomplete:\nmessages/en.json: "b" — missing'
		);
	});

	it('guards the real catalogues', () => {
		expect(runGuard('messages')).toBeUndefined();
	});
});
