import { z } from 'zod';

const localized = z.strictObject({ ky: z.string().min(1), ru: z.string().min(1), en: z.string().min(1) });

/** content/reporting-channels.yaml: official channels, entered by content administrators from official sources. */
export const reportingChannelsSchema = z.strictObject({
	channels: z.array(
		z.strictObject({
			id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case'),
			kind: z.enum(['phone', 'website', 'address', 'messenger']),
			value: z.string().min(1),
			confirmedOn: z.iso.date(),
			name: localized,
			note: localized.optional()
		})
	)
});

export type ReportingChannels = z.infer<typeof reportingChannelsSchema>;
