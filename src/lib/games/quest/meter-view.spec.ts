import { describe, expect, it } from 'vitest';
import { meterGoodness, meterShare, meterTone, meterTrend, meterTrends } from './meter-view';
import type { QuestMeterView } from './quest-view';

const trust = (value: number): QuestMeterView => ({ id: 'trust', label: 'meter.trust', value, min: 0, max: 10, goodWhen: 'high' });
const cost = (value: number): QuestMeterView => ({ id: 'cost', label: 'meter.cost', value, min: 0, max: 10, goodWhen: 'low' });

describe('meter view', () => {
	it('places a value between its bounds, clamped', () => {
		expect(meterShare(trust(5))).toBe(0.5);
		expect(meterShare(trust(-3))).toBe(0);
		expect(meterShare(trust(12))).toBe(1);
		expect(meterShare({ value: 3, min: 3, max: 3 })).toBe(0);
	});

	it('reads a high trust as good and a high cost as bad', () => {
		expect(meterGoodness(trust(8))).toBeCloseTo(0.8);
		expect(meterGoodness(cost(8))).toBeCloseTo(0.2);
		expect(meterTone(trust(8))).toBe('good');
		expect(meterTone(cost(8))).toBe('bad');
		expect(meterTone(trust(5))).toBe('middle');
		expect(meterTone(cost(1))).toBe('good');
	});

	it('calls a fall in cost better and a fall in trust worse', () => {
		expect(meterTrend(cost(6), cost(4))).toBe('better');
		expect(meterTrend(trust(6), trust(4))).toBe('worse');
		expect(meterTrend(trust(4), trust(6))).toBe('better');
		expect(meterTrend(trust(4), trust(4))).toBe('same');
		expect(meterTrend(undefined, trust(4))).toBe('same');
	});

	it('matches meters by id across views', () => {
		expect(meterTrends([trust(5), cost(5)], [cost(7), trust(6)])).toEqual({ cost: 'worse', trust: 'better' });
		expect(meterTrends(undefined, [trust(5)])).toEqual({ trust: 'same' });
	});
});
