import { json } from '@sveltejs/kit';
import { gunzip, gzip } from 'node:zlib';
import { promisify } from 'node:util';
import type { z } from 'zod';
import type { z as zMini } from 'zod/mini';

const gunzipAsync = promisify(gunzip);
const gzipAsync = promisify(gzip);

/** Below this a gzip header and the CPU cost more than they save. */
const COMPRESS_FROM_BYTES = 1024;

/** An API error the client can act on: a stable code and a sentence for people. */
export function apiError(status: number, code: string, message: string, headers?: Record<string, string>): Response {
	return json({ error: code, message }, { status, headers });
}

/** Reads and validates a JSON body; answers 400 with what is wrong, or 413 when it is too large. */
export async function readJson<S extends z.ZodType>(
	request: Request,
	schema: S,
	maxBytes = 16 * 1024
): Promise<{ ok: true; data: z.infer<S> } | { ok: false; response: Response }> {
	const text = await request.text();
	if (Buffer.byteLength(text) > maxBytes) {
		return { ok: false, response: apiError(413, 'too-large', `The request body is larger than ${maxBytes} bytes.`) };
	}
	return parseBody(text, schema);
}

/** JSON text checked against a schema (zod or zod/mini): the data, or a 400 that says what is wrong and where. */
function parseBody<T>(
	text: string,
	schema: { safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } } }
): { ok: true; data: T } | { ok: false; response: Response } {
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		return { ok: false, response: apiError(400, 'invalid-json', 'The request body is not valid JSON.') };
	}
	const parsed = schema.safeParse(body);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const where = issue?.path.length ? issue.path.map(String).join('.') : 'body';
		return { ok: false, response: apiError(400, 'invalid-input', `${where}: ${issue?.message ?? 'invalid'}`) };
	}
	return { ok: true, data: parsed.data };
}

/**
 * Reads a JSON body that may be gzip-compressed (`Content-Encoding: gzip`), as sync clients send it. Both the bytes on
 * the wire and the decompressed text are limited, so a small "zip bomb" cannot make the server inflate gigabytes.
 */
export async function readMaybeGzippedJson<S extends zMini.ZodMiniType>(
	request: Request,
	schema: S,
	maxBytes: number
): Promise<{ ok: true; data: zMini.infer<S> } | { ok: false; response: Response }> {
	const encoding = (request.headers.get('content-encoding') ?? 'identity').trim().toLowerCase();
	if (encoding !== 'identity' && encoding !== 'gzip') {
		return { ok: false, response: apiError(415, 'unsupported-encoding', 'Send the body as plain JSON or with Content-Encoding: gzip.') };
	}
	const raw = Buffer.from(await request.arrayBuffer());
	if (raw.byteLength > maxBytes) return { ok: false, response: apiError(413, 'too-large', `The request body is larger than ${maxBytes} bytes.`) };
	let text: string;
	if (encoding === 'gzip') {
		try {
			text = (await gunzipAsync(raw, { maxOutputLength: maxBytes })).toString('utf8');
		} catch (error) {
			const tooLarge = (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError;
			return {
				ok: false,
				response: tooLarge
					? apiError(413, 'too-large', `The request body is larger than ${maxBytes} bytes once decompressed.`)
					: apiError(400, 'invalid-gzip', 'The request body is not valid gzip.')
			};
		}
	} else text = raw.toString('utf8');
	return parseBody(text, schema) as { ok: true; data: zMini.infer<S> } | { ok: false; response: Response };
}

/**
 * JSON, gzip-compressed when the client accepts it and the body is worth it: a pull over a rural link is mostly
 * repeated keys. The adapter does not compress, so the handlers that send bulk do.
 */
export async function compressedJson(request: Request, value: unknown, headers: Record<string, string> = {}): Promise<Response> {
	const body = JSON.stringify(value);
	const vary = { vary: 'accept-encoding', 'content-type': 'application/json', ...headers };
	const accepts = /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '');
	if (!accepts || body.length < COMPRESS_FROM_BYTES) return new Response(body, { headers: vary });
	return new Response(new Uint8Array(await gzipAsync(body)), { headers: { ...vary, 'content-encoding': 'gzip' } });
}
