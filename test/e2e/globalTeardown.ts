/** Stops the shared n8n 2 of this jest run by PID and removes its temporary files (the n8n log is kept). */
import { N8N_2, stopSharedN8n } from './harness';

export default async function globalTeardown(): Promise<void> {
	await stopSharedN8n(N8N_2, '[n8n-e2e]');
}
