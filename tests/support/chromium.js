// How this project launches Debian's Chromium with playwright-core (no browser download is possible here).
// playwright-core gives every launch a fresh, empty profile directory of its own.

export function chromiumExecutable() {
	return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/** @returns {import('playwright-core').LaunchOptions} */
export function chromiumLaunchOptions() {
	return {
		executablePath: chromiumExecutable(),
		args: [
			'--headless=new',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync'
		]
	};
}
