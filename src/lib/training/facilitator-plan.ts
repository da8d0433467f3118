import type { FacilitatorGuide, StepFormat } from '$lib/content/pack.types';

/** One step of a session on the clock: when it starts and ends, in minutes from the session's start (or the day's). */
export interface PlannedStep {
	id: string;
	format: StepFormat;
	minutes: number;
	start: number;
	end: number;
	screens: number[];
	questions: string[];
}

/**
 * The minute-by-minute plan of a session: each step starts where the one before it ended. With `startAt` (minutes
 * after midnight, e.g. 600 for 10:00) the times are clock times; without it they count from the session's start.
 */
export function sessionPlan(guide: Pick<FacilitatorGuide, 'steps'>, startAt = 0): PlannedStep[] {
	let clock = startAt;
	return guide.steps.map((step) => {
		const start = clock;
		clock += step.minutes;
		return { id: step.id, format: step.format, minutes: step.minutes, start, end: clock, screens: step.screens, questions: step.questions };
	});
}

/** `h:mm`, wrapping past midnight: 0 → "0:00", 75 → "1:15", 600 → "10:00". */
export function clockLabel(minutes: number): string {
	const inDay = ((minutes % 1440) + 1440) % 1440;
	return `${Math.floor(inDay / 60)}:${String(inDay % 60).padStart(2, '0')}`;
}

/** Minutes after midnight from an `<input type="time">` value ("09:30"), or undefined when it is not a time. */
export function parseClock(value: string): number | undefined {
	const match = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
	if (!match) return undefined;
	const hours = Number(match[1]);
	const minutes = Number(match[2]);
	return hours < 24 && minutes < 60 ? hours * 60 + minutes : undefined;
}

/** Lesson screens as a reader counts them: [3, 4, 5, 8] → "3–5, 8". */
export function screensLabel(screens: readonly number[]): string {
	const sorted = [...new Set(screens)].filter((screen) => screen > 0).sort((a, b) => a - b);
	const runs: [number, number][] = [];
	for (const screen of sorted) {
		const last = runs.at(-1);
		if (last && screen === last[1] + 1) last[1] = screen;
		else runs.push([screen, screen]);
	}
	return runs.map(([from, to]) => (from === to ? String(from) : `${from}–${to}`)).join(', ');
}
