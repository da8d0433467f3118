import { signedInSession } from '$lib/server/access-policy';
import { seminarsFailureResponse } from '$lib/server/failure-responses';
import { readJson } from '$lib/server/http';
import { seminarsService } from '$lib/server/services/wiring';
import { json } from '@sveltejs/kit';
import { z } from 'zod';
import type { RequestHandler } from './$types';

/** A programme administrator sees every seminar; a trainer the ones they run; each with its counts. */
export const GET: RequestHandler = async ({ locals }) => {
	return json({ seminars: await seminarsService().list(signedInSession(locals)) });
};

const day = z.string().max(10);
const draft = z.strictObject({
	programmeId: z.string().max(100),
	regionCode: z.string().max(40),
	centre: z.string().max(200),
	venue: z.string().max(300),
	startsOn: day,
	endsOn: day,
	capacity: z.number().int(),
	sessions: z.array(z.strictObject({ sessionId: z.string().max(100), heldOn: day })).max(40),
	trainerLogins: z.array(z.string().max(100)).max(20)
});

/** Schedules a seminar (seminar-schedule.ts says what a valid one is); 422 names every problem. */
export const POST: RequestHandler = async ({ request, locals }) => {
	const input = await readJson(request, draft);
	if (!input.ok) return input.response;
	const result = await seminarsService().schedule(signedInSession(locals), input.data);
	if (!result.ok) return seminarsFailureResponse(result.failure);
	return json(result.value, { status: 201 });
};
