import { describe, expect, it } from 'vitest';
import { decideChunk, type HeldUpload } from './upload-rules';

const HASH = 'ab'.repeat(32);
const chunk = (over: Partial<Parameters<typeof decideChunk>[0]> = {}) => ({ sha256: HASH, offset: '0', length: '1000', contentType: 'image/jpeg', chunkBytes: 400, ...over });
const held = (over: Partial<HeldUpload> = {}): HeldUpload => ({ offset: 400, length: 1000, contentType: 'image/jpeg', complete: false, ...over });

describe('a chunk of an attachment upload', () => {
	it('starts a new upload at offset 0', () => {
		expect(decideChunk(chunk(), null)).toEqual({ ok: true, offset: 0, length: 1000, contentType: 'image/jpeg', complete: false });
	});

	it('continues only from the offset the server holds', () => {
		expect(decideChunk(chunk({ offset: '400' }), held())).toMatchObject({ ok: true, offset: 400 });
		expect(decideChunk(chunk({ offset: '0' }), held())).toMatchObject({ ok: false, status: 409, code: 'offset-mismatch' });
		expect(decideChunk(chunk({ offset: '800' }), held())).toMatchObject({ ok: false, status: 409 });
	});

	it('refuses a length or type other than the one the upload began with', () => {
		expect(decideChunk(chunk({ offset: '400', length: '2000' }), held())).toMatchObject({ ok: false, status: 409, code: 'upload-mismatch' });
		expect(decideChunk(chunk({ offset: '400', contentType: 'image/png' }), held())).toMatchObject({ ok: false, status: 409, code: 'upload-mismatch' });
	});

	it('answers a finished upload as done, so sending it again changes nothing', () => {
		expect(decideChunk(chunk(), held({ offset: 1000, complete: true }))).toEqual({ ok: true, offset: 1000, length: 1000, contentType: 'image/jpeg', complete: true });
	});

	it('takes photos only, within the size limit', () => {
		expect(decideChunk(chunk({ contentType: 'text/html' }), null)).toMatchObject({ ok: false, status: 415 });
		expect(decideChunk(chunk({ contentType: 'image/png; charset=binary' }), null)).toMatchObject({ ok: true, contentType: 'image/png' });
		expect(decideChunk(chunk({ length: String(3 * 1024 * 1024) }), null)).toMatchObject({ ok: false, status: 413, code: 'too-large' });
		expect(decideChunk(chunk({ chunkBytes: 900 * 1024, length: String(2 * 1024 * 1024) }), null)).toMatchObject({ ok: false, status: 413, code: 'chunk-too-large' });
	});

	it('refuses a bad name, missing headers, an empty chunk and one that runs past the length', () => {
		expect(decideChunk(chunk({ sha256: '../../etc' }), null)).toMatchObject({ ok: false, status: 400, code: 'invalid-hash' });
		expect(decideChunk(chunk({ offset: null }), null)).toMatchObject({ ok: false, status: 400, code: 'invalid-headers' });
		expect(decideChunk(chunk({ length: '-5' }), null)).toMatchObject({ ok: false, status: 400 });
		expect(decideChunk(chunk({ chunkBytes: 0 }), null)).toMatchObject({ ok: false, status: 400, code: 'invalid-chunk' });
		expect(decideChunk(chunk({ chunkBytes: 1001 }), null)).toMatchObject({ ok: false, status: 400, code: 'invalid-chunk' });
	});
});
