/**
 * How a meter reads, whatever draws it: where it stands between its bounds, whether that is good or bad for the
 * player (a high trust is good, a high cost is bad), and whether the last step made it better or worse.
 * Pure: the Phaser scene, the accessible transcript and the teacher's screen all colour meters the same way.
 */
import type { QuestMeterView } from './quest-view';

export type MeterTone = 'good' | 'middle' | 'bad';
export type MeterTrend = 'better' | 'worse' | 'same';

/** Where the value stands between min and max, from 0 to 1 (clamped: a meter drawn past its end helps nobody). */
export function meterShare(meter: Pick<QuestMeterView, 'value' | 'min' | 'max'>): number {
	const span = meter.max - meter.min;
	if (span <= 0) return 0;
	return Math.min(1, Math.max(0, (meter.value - meter.min) / span));
}

/** How good the meter's position is for the player, from 0 (worst) to 1 (best). */
export function meterGoodness(meter: Pick<QuestMeterView, 'value' | 'min' | 'max' | 'goodWhen'>): number {
	const share = meterShare(meter);
	return meter.goodWhen === 'high' ? share : 1 - share;
}

/** Two thirds of the way to good reads as good, the lowest third as bad; the middle is neither. */
export function meterTone(meter: Pick<QuestMeterView, 'value' | 'min' | 'max' | 'goodWhen'>): MeterTone {
	const goodness = meterGoodness(meter);
	if (goodness >= 2 / 3) return 'good';
	if (goodness < 1 / 3) return 'bad';
	return 'middle';
}

/** Whether the meter moved the good way since the previous view (a fall in cost is better, a fall in trust worse). */
export function meterTrend(previous: Pick<QuestMeterView, 'value'> | undefined, next: Pick<QuestMeterView, 'value' | 'goodWhen'>): MeterTrend {
	if (!previous || previous.value === next.value) return 'same';
	const rose = next.value > previous.value;
	return rose === (next.goodWhen === 'high') ? 'better' : 'worse';
}

/** Each meter's trend against the previous view's meter of the same id. */
export function meterTrends(previous: readonly QuestMeterView[] | undefined, next: readonly QuestMeterView[]): Record<string, MeterTrend> {
	const before = new Map((previous ?? []).map((meter) => [meter.id, meter]));
	return Object.fromEntries(next.map((meter) => [meter.id, meterTrend(before.get(meter.id), meter)]));
}
