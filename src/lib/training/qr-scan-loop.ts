/**
 * The QR scanner's loop, apart from where frames come from and how they are decoded, so the camera can be swapped for
 * a test's frames (the seam the README describes) and the loop tested without a browser. A few frames a second are
 * enough to read a code held still and spare a cheap phone's battery. Pure: the frame source, the decoder and the
 * wait are injected.
 */

/** One picture: RGBA bytes, like the browser's ImageData. */
export interface Frame {
	data: Uint8ClampedArray;
	width: number;
	height: number;
}

/** Where frames come from: the camera by default, a test's frames through the seam. */
export interface FrameSource {
	/** Opens the source (asks for the camera); throws when it cannot. */
	start(): Promise<void>;
	/** The latest frame, or undefined when none is ready yet. */
	grab(): Promise<Frame | undefined>;
	/** Releases the source (the camera's light goes off). Safe to call twice. */
	stop(): void;
}

export type QrDecoder = (frame: Frame) => string | undefined;

export interface ScanLoopOptions {
	source: FrameSource;
	decode: QrDecoder;
	/** Called with each text read; answer true when it is what the page wanted, and the loop stops. */
	accept: (text: string) => boolean | Promise<boolean>;
	wait: (milliseconds: number) => Promise<void>;
	framesPerSecond?: number;
}

/**
 * Scans until a text is accepted or `stop()` is called; the source is stopped either way. A text the page refused is
 * not offered again until a different one was read, so a wrong code held in front of the camera is said once.
 */
export function startScanLoop(options: ScanLoopOptions): { done: Promise<'accepted' | 'stopped' | 'unavailable'>; stop: () => void } {
	let stopped = false;
	const interval = 1000 / (options.framesPerSecond ?? 4);
	const done = (async () => {
		try {
			await options.source.start();
		} catch {
			options.source.stop();
			return 'unavailable' as const;
		}
		let refused: string | undefined;
		try {
			while (!stopped) {
				const frame = await options.source.grab();
				const text = frame && options.decode(frame);
				if (text && text !== refused && !stopped) {
					if (await options.accept(text)) return 'accepted' as const;
					refused = text;
				}
				if (!stopped) await options.wait(interval);
			}
			return 'stopped' as const;
		} finally {
			options.source.stop();
		}
	})();
	return {
		done,
		stop: () => {
			stopped = true;
		}
	};
}
