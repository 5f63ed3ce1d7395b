/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- test code runs under jest on a developer machine, not inside n8n */
/**
 * Starts the one n8n that every e2e file of this jest run shares (see
 * harness/index.ts): installs n8n on the first run (minutes), then packs and
 * stages the built package and boots n8n with it. Test files find it through
 * the file named in N8N_E2E_STATE_FILE; globalTeardown.ts stops it by PID.
 */
import * as path from 'node:path';

import { SCRATCH_ROOT, STATE_ENV, bootN8n, writeState } from './harness';

export default async function globalSetup(): Promise<void> {
	const started = Date.now();
	console.log('\n[n8n-e2e] starting the shared n8n (the first run installs n8n into the cache: a few minutes)');
	const n8n = await bootN8n({ label: `jest-${process.pid}` });
	const file = path.join(SCRATCH_ROOT, `shared-${process.pid}.json`);
	writeState(file, n8n.state);
	process.env[STATE_ENV] = file;
	const { timings, install, staged } = n8n.state;
	const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
	console.log(
		[
			`[n8n-e2e] n8n ${install.n8nVersion} on Node ${install.nodeVersion} ready at ${n8n.baseUrl} (pid ${n8n.pid}) in ${seconds(Date.now() - started)}:`,
			`install/check ${seconds(timings.installMs)}, pack ${seconds(timings.packMs)} (${staged.fileCount} files), ` +
				`start ${seconds(timings.startMs)}, owner+API key ${seconds(timings.setupMs)}`,
			`[n8n-e2e] n8n log: ${n8n.logFile}`,
		].join('\n'),
	);
}
