// Every page under a locale is built ahead of time, so the service worker can keep it for offline use.
export const prerender = true;
