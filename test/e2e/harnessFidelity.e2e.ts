/** The unit-test harness answers like the pinned n8n 2 (fidelityCases.ts). */
import { defineHarnessFidelity } from './fidelityCases';
import { N8N_2 } from './harness';

defineHarnessFidelity(N8N_2);
