import { z } from 'zod';

export const childSecretSchema = z.discriminatedUnion('kind', [
	z.strictObject({ kind: z.literal('pictures'), pictures: z.array(z.string().max(16)).max(8) }),
	z.strictObject({ kind: z.literal('pin'), pin: z.string().max(8) })
]);

export const guestProofSchema = z.strictObject({ learnerId: z.string().max(64), deviceId: z.string().max(64), deviceSecret: z.string().max(128) });
