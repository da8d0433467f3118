import { signedInSession } from '$lib/server/access-policy';
import { organisationFailureResponse } from '$lib/server/failure-responses';
import { readJson } from '$lib/server/http';
import { classesService } from '$lib/server/services/wiring';
import { json } from '@sveltejs/kit';
import { z } from 'zod';
import type { RequestHandler } from './$types';

const body = z.strictObject({ courseId: z.string().max(100), dueOn: z.string().max(10).nullable().optional() });

/** Assigns a course to the class, with an optional due date. */
export const POST: RequestHandler = async ({ request, locals, params }) => {
	const input = await readJson(request, body);
	if (!input.ok) return input.response;
	const result = await classesService().assign(signedInSession(locals), params.classId, input.data);
	if (!result.ok) return organisationFailureResponse(result.failure);
	return json(result.value, { status: 201 });
};
