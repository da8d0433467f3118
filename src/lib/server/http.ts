import { json } from '@sveltejs/kit';
import type { z } from 'zod';

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
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		return { ok: false, response: apiError(400, 'invalid-json', 'The request body is not valid JSON.') };
	}
	const parsed = schema.safeParse(body);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const where = issue?.path.length ? issue.path.join('.') : 'body';
		return { ok: false, response: apiError(400, 'invalid-input', `${where}: ${issue?.message ?? 'invalid'}`) };
	}
	return { ok: true, data: parsed.data };
}
