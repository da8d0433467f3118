// Seminar ids are made when a seminar is scheduled, so this page cannot be built ahead of time: the server renders
// it, and the app reaches it offline by navigating from a page it already has.
export const prerender = false;
