import { signedInSession } from '$lib/server/access-policy';
import { schoolsFailureResponse } from '$lib/server/failure-responses';
import { readJson } from '$lib/server/http';
import { schoolsService } from '$lib/server/services/wiring';
import { json } from '@sveltejs/kit';
import { z } from 'zod';
import type { RequestHandler } from './$types';

/** 5,000 schools with long names fit with room to spare. */
const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
const body = z.strictObject({ csv: z.string(), dryRun: z.boolean() });

/**
 * Imports the schools reference list from CSV. A dry run, or a file with any invalid row, writes nothing and reports
 * every row; otherwise every row is created or updated in one transaction.
 */
export const POST: RequestHandler = async ({ request, locals }) => {
	const input = await readJson(request, body, MAX_IMPORT_BYTES);
	if (!input.ok) return input.response;
	const result = await schoolsService().importCsv(signedInSession(locals), input.data);
	if (!result.ok) return schoolsFailureResponse(result.failure);
	return json(result.value, { status: result.value.committed ? 201 : 200 });
};
