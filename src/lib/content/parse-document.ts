import type { z } from 'zod';
import type { ContentProblem } from './content-problem.ts';

/** A course folder as read from disk: parsed YAML by path (or the parse error), and media bytes by path. */
export interface CourseSource {
	/** e.g. `content/courses/honest-choices`, used to name files in problems. */
	dir: string;
	documents: Map<string, { data: unknown } | { error: string }>;
	media: Map<string, Uint8Array>;
}

/** One YAML document of a course folder checked against its schema; each schema issue becomes a problem. */
export function parseDocument<S extends z.ZodType>(
	source: CourseSource,
	path: string,
	schema: S,
	problems: ContentProblem[]
): z.infer<S> | undefined {
	const file = `${source.dir}/${path}`;
	const document = source.documents.get(path);
	if (!document) {
		problems.push({ file, field: '', reason: 'file is missing' });
		return undefined;
	}
	if ('error' in document) {
		problems.push({ file, field: '', reason: `not valid YAML: ${document.error}` });
		return undefined;
	}
	const result = schema.safeParse(document.data);
	if (!result.success) {
		for (const issue of result.error.issues) {
			const field = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '');
			problems.push({ file, field, reason: issue.message });
		}
		return undefined;
	}
	return result.data;
}
