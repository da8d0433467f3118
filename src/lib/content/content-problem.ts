/** One thing wrong with authored content: which file, which field, and why. */
export interface ContentProblem {
	file: string;
	field: string;
	reason: string;
}

export function describeProblems(problems: readonly ContentProblem[]): string {
	return problems.map(({ file, field, reason }) => `${file}: ${field || '(file)'} — ${reason}`).join('\n');
}
