/** Stops the shared n8n 1.x of this jest run by PID and removes its temporary files (the n8n log is kept). */
import { N8N_1, stopSharedN8n } from '../harness';

export default async function globalTeardown(): Promise<void> {
	await stopSharedN8n(N8N_1, '[n8n1-e2e]');
}
