import { version as build } from '$app/environment';
import { getDatabase } from '$lib/server/db';
import { sqliteProbe } from '$lib/server/db/probe';
import { checkHealth } from '$lib/server/services/health.service';
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () => {
	const report = checkHealth(() => sqliteProbe(getDatabase().sqlite), { version: __TAZA_VERSION__, build });
	return json(report, { status: report.status === 'ok' ? 200 : 503, headers: { 'cache-control': 'no-store' } });
};
