/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- test code runs under jest on a developer machine, not inside n8n */
/** Stops the shared n8n of this jest run by PID and removes its temporary files (the n8n log is kept). */
import * as fs from 'node:fs';

import { N8nInstance, STATE_ENV, readState } from './harness';

export default async function globalTeardown(): Promise<void> {
	const file = process.env[STATE_ENV];
	if (!file || !fs.existsSync(file)) return;
	// Read again: a test may have restarted n8n under a new PID.
	const state = readState(file);
	await new N8nInstance(state).stop();
	fs.rmSync(file, { force: true });
	delete process.env[STATE_ENV];
	console.log(`[n8n-e2e] stopped the shared n8n (pid ${state.pid}); its log: ${state.logFile}`);
}
