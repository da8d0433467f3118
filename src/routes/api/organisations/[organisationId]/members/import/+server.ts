import { signedInSession } from '$lib/server/access-policy';
import { organisationFailureResponse } from '$lib/server/failure-responses';
import { readJson } from '$lib/server/http';
import { organisationsService } from '$lib/server/services/wiring';
import { json } from '@sveltejs/kit';
import { z } from 'zod';
import type { RequestHandler } from './$types';

/** 2,000 rows of name and phone fit with room to spare. */
const MAX_IMPORT_BYTES = 512 * 1024;
const body = z.strictObject({ csv: z.string(), dryRun: z.boolean() });

/**
 * Imports members from CSV. A dry run, or a file with any invalid row, writes nothing and reports every row; otherwise
 * all rows are imported in one transaction (see docs/organisations.md).
 */
export const POST: RequestHandler = async ({ request, locals, params }) => {
	const input = await readJson(request, body, MAX_IMPORT_BYTES);
	if (!input.ok) return input.response;
	const result = await organisationsService().importMembers(signedInSession(locals), params.organisationId, input.data);
	if (!result.ok) return organisationFailureResponse(result.failure);
	return json(result.value, { status: result.value.committed ? 201 : 200 });
};
