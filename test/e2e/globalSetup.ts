/**
 * Starts the one n8n 2 that every e2e file of this jest run shares (see
 * harness/index.ts): installs n8n on the first run (minutes), then packs and
 * stages the built package and boots n8n with it. Test files find it through
 * the file named in N8N_E2E_STATE_FILE; globalTeardown.ts stops it by PID.
 */
import { N8N_2, startSharedN8n } from './harness';

export default async function globalSetup(): Promise<void> {
	await startSharedN8n(N8N_2, '[n8n-e2e]');
}
