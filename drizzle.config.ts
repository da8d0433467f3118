import { defineConfig } from 'drizzle-kit';

export default defineConfig({
	dialect: 'sqlite',
	schema: './src/lib/server/db/schema.ts',
	// A test regenerates into a scratch folder to prove the committed migrations match the schema.
	out: process.env.DRIZZLE_OUT ?? './drizzle'
});
