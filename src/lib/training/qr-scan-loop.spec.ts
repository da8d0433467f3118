import { describe, expect, it } from 'vitest';
import { startScanLoop, type Frame, type FrameSource } from './qr-scan-loop';

/** Frames carry their text in the first byte's place, so the decoder is trivial. */
function framesOf(texts: (string | undefined)[]) {
	const log: string[] = [];
	let index = 0;
	const source: FrameSource = {
		start: async () => void log.push('start'),
		grab: async () => {
			const text = texts[Math.min(index++, texts.length - 1)];
			return text === undefined ? undefined : ({ data: new Uint8ClampedArray(4), width: 1, height: 1, text } as Frame & { text: string });
		},
		stop: () => void log.push('stop')
	};
	return { source, log, decode: (frame: Frame) => (frame as Frame & { text?: string }).text };
}

describe('the QR scan loop', () => {
	it('reads frames until a text is accepted, says a refused one once, and turns the camera off', async () => {
		const { source, log, decode } = framesOf([undefined, 'wrong', 'wrong', 'wrong', 'tzp1.right']);
		const offered: string[] = [];
		const waits: number[] = [];
		const loop = startScanLoop({
			source,
			decode,
			accept: (text) => (offered.push(text), text.startsWith('tzp1')),
			wait: async (ms) => void waits.push(ms),
			framesPerSecond: 5
		});
		expect(await loop.done).toBe('accepted');
		expect(offered).toEqual(['wrong', 'tzp1.right']);
		expect(waits.every((ms) => ms === 200)).toBe(true);
		expect(log).toEqual(['start', 'stop']);
	});

	it('stops when asked, and turns the camera off', async () => {
		const { source, log, decode } = framesOf([undefined]);
		const loop = startScanLoop({ source, decode, accept: () => true, wait: () => new Promise((resolve) => setTimeout(resolve, 1)) });
		await new Promise((resolve) => setTimeout(resolve, 5));
		loop.stop();
		expect(await loop.done).toBe('stopped');
		expect(log).toEqual(['start', 'stop']);
	});

	it('reports a camera it cannot open, so the page offers typing the code instead', async () => {
		const log: string[] = [];
		const source: FrameSource = { start: () => Promise.reject(new Error('NotAllowedError')), grab: async () => undefined, stop: () => void log.push('stop') };
		expect(await startScanLoop({ source, decode: () => undefined, accept: () => true, wait: async () => {} }).done).toBe('unavailable');
		expect(log).toEqual(['stop']);
	});
});
