/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- test code runs under jest on a developer machine, not inside n8n */
/**
 * What a jest project's globalSetup and globalTeardown do with the one n8n its
 * test files share: start it (installing the target's n8n on the first run),
 * describe it in a state file named by the target's `stateEnv`, and stop it by
 * PID at the end. Test files reach it with getSharedN8n(target).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { N8nInstance, bootN8n, readState, writeState } from './instance';
import { SCRATCH_ROOT } from './paths';
import type { N8nTarget } from './targets';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Boots the target's n8n with the packed package and names its state file in process.env[target.stateEnv]. */
export async function startSharedN8n(target: N8nTarget, prefix: string): Promise<void> {
	const started = Date.now();
	console.log(`\n${prefix} starting the shared n8n ${target.n8nVersion} (the first run installs it into the cache: a few minutes)`);
	const n8n = await bootN8n({ target, label: `jest-${target.name}-${process.pid}`, log: (line) => console.log(`${prefix} ${line}`) });
	const file = path.join(SCRATCH_ROOT, `shared-${target.name}-${process.pid}.json`);
	writeState(file, n8n.state);
	process.env[target.stateEnv] = file;
	const { timings, install, staged } = n8n.state;
	console.log(
		[
			`${prefix} n8n ${install.n8nVersion} on Node ${install.nodeVersion} ready at ${n8n.baseUrl} (pid ${n8n.pid}) in ${seconds(Date.now() - started)}:`,
			`install/check ${seconds(timings.installMs)}, pack ${seconds(timings.packMs)} (${staged.fileCount} files), ` +
				`start ${seconds(timings.startMs)}, owner+API key ${seconds(timings.setupMs)}`,
			`${prefix} n8n log: ${n8n.logFile}`,
		].join('\n'),
	);
}

/** Stops the target's shared n8n by PID and removes its temporary files (the n8n log is kept). */
export async function stopSharedN8n(target: N8nTarget, prefix: string): Promise<void> {
	const file = process.env[target.stateEnv];
	if (!file || !fs.existsSync(file)) return;
	// Read again: a test may have restarted n8n under a new PID.
	const state = readState(file);
	await new N8nInstance(state).stop();
	fs.rmSync(file, { force: true });
	delete process.env[target.stateEnv];
	console.log(`${prefix} stopped the shared n8n (pid ${state.pid}); its log: ${state.logFile}`);
}
