/**
 * Where the QR scanner's frames come from in the browser (the loop is `training/qr-scan-loop.ts`): the camera through
 * getUserMedia, drawn into a canvas a few times a second; or, only when a test asks for it, frames a test hands in
 * through `window.tazaScannerTest` (the seam src/lib/training/README.md describes). Decoding is jsQR, in JavaScript:
 * `BarcodeDetector` does not exist in Chromium on Linux.
 */
import type { Frame, FrameSource, QrDecoder } from '$lib/training/qr-scan-loop';

/** Set in localStorage (or `?scanner-test` in the URL) by a browser test; never by the app. */
export const SCANNER_TEST_FLAG = 'taza.test.scanner';

export interface ScannerTestSeam {
	/** True while a scanner is open and reading frames from the seam. */
	active: boolean;
	/** Queues one frame: an ImageData, or an image as a data URL (a PNG of a QR code). */
	feed(frame: ImageData | string): Promise<void>;
}

declare global {
	interface Window {
		tazaScannerTest?: ScannerTestSeam;
	}
}

export function scannerTestSeamEnabled(): boolean {
	try {
		return localStorage.getItem(SCANNER_TEST_FLAG) === 'on' || new URL(location.href).searchParams.has('scanner-test');
	} catch {
		return false;
	}
}

/** Reads a code out of a frame with jsQR, loaded on first use so pages that never scan do not carry it. */
export async function loadQrDecoder(): Promise<QrDecoder> {
	const { default: jsQR } = await import('jsqr');
	return (frame) => jsQR(frame.data, frame.width, frame.height, { inversionAttempts: 'attemptBoth' })?.data || undefined;
}

/** The rear camera into a canvas, scaled down to at most 640 px: plenty for a QR code, light for a cheap phone. */
export function cameraFrameSource(video: HTMLVideoElement): FrameSource {
	let stream: MediaStream | undefined;
	const canvas = document.createElement('canvas');
	const context = canvas.getContext('2d', { willReadFrequently: true });
	return {
		async start() {
			if (!navigator.mediaDevices?.getUserMedia || !context) throw new Error('no camera');
			stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
			video.srcObject = stream;
			video.muted = true;
			video.playsInline = true;
			await video.play();
		},
		async grab(): Promise<Frame | undefined> {
			if (!context || video.readyState < video.HAVE_CURRENT_DATA || video.videoWidth === 0) return undefined;
			const scale = Math.min(1, 640 / Math.max(video.videoWidth, video.videoHeight));
			canvas.width = Math.round(video.videoWidth * scale);
			canvas.height = Math.round(video.videoHeight * scale);
			context.drawImage(video, 0, 0, canvas.width, canvas.height);
			return context.getImageData(0, 0, canvas.width, canvas.height);
		},
		stop() {
			for (const track of stream?.getTracks() ?? []) track.stop();
			stream = undefined;
			video.srcObject = null;
		}
	};
}

async function imageDataOf(dataUrl: string): Promise<ImageData> {
	const image = new Image();
	image.src = dataUrl;
	await image.decode();
	const canvas = document.createElement('canvas');
	canvas.width = image.naturalWidth;
	canvas.height = image.naturalHeight;
	const context = canvas.getContext('2d')!;
	context.drawImage(image, 0, 0);
	return context.getImageData(0, 0, canvas.width, canvas.height);
}

/** Frames from a test, queued on `window.tazaScannerTest`: the same loop and decoder as the camera's. */
export function testFrameSource(): FrameSource {
	const queue: ImageData[] = [];
	const seam: ScannerTestSeam = {
		active: false,
		async feed(frame) {
			queue.push(typeof frame === 'string' ? await imageDataOf(frame) : frame);
		}
	};
	return {
		async start() {
			window.tazaScannerTest = seam;
			seam.active = true;
		},
		async grab() {
			return queue.shift();
		},
		stop() {
			seam.active = false;
			queue.length = 0;
		}
	};
}
