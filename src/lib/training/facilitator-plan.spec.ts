import { describe, expect, it } from 'vitest';
import { clockLabel, parseClock, screensLabel, sessionPlan } from './facilitator-plan';

const guide = {
	steps: [
		{ id: 'opening', minutes: 10, format: 'plenary' as const, questions: ['expect'], screens: [1] },
		{ id: 'groups', minutes: 25, format: 'groups' as const, questions: [], screens: [2, 3, 4] },
		{ id: 'closing', minutes: 10, format: 'plenary' as const, questions: [], screens: [] }
	]
};

describe('a session on the clock', () => {
	it('starts each step where the one before ended, from the session start', () => {
		expect(sessionPlan(guide).map((step) => [step.id, clockLabel(step.start), clockLabel(step.end)])).toEqual([
			['opening', '0:00', '0:10'],
			['groups', '0:10', '0:35'],
			['closing', '0:35', '0:45']
		]);
	});

	it('shows clock times when the trainer says when the session starts', () => {
		const plan = sessionPlan(guide, parseClock('09:30'));
		expect(plan.map((step) => `${clockLabel(step.start)}–${clockLabel(step.end)}`)).toEqual(['9:30–9:40', '9:40–10:05', '10:05–10:15']);
	});

	it('wraps past midnight instead of showing 24:10', () => {
		expect(clockLabel(24 * 60 + 10)).toBe('0:10');
	});

	it('reads only real times from the time field', () => {
		expect(parseClock('14:05')).toBe(845);
		expect(parseClock('7:00')).toBe(420);
		expect(parseClock('')).toBeUndefined();
		expect(parseClock('25:00')).toBeUndefined();
		expect(parseClock('10:75')).toBeUndefined();
	});
});

describe('lesson screens a step uses', () => {
	it('are written as runs', () => {
		expect(screensLabel([3, 4, 5, 8])).toBe('3–5, 8');
		expect(screensLabel([9, 1, 2])).toBe('1–2, 9');
		expect(screensLabel([6])).toBe('6');
		expect(screensLabel([])).toBe('');
	});
});
