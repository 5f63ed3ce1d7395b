/**
 * Starts the one n8n 1.x (targets.ts: N8N_1) that every file of the e2e-n8n1
 * project shares: installs it on the first run (minutes), then packs and stages
 * the built package and boots n8n with it. Test files find it with
 * getSharedN8n(N8N_1); globalTeardown.ts stops it by PID.
 */
import { N8N_1, startSharedN8n } from '../harness';

export default async function globalSetup(): Promise<void> {
	await startSharedN8n(N8N_1, '[n8n1-e2e]');
}
