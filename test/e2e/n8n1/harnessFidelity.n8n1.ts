/**
 * The unit-test harness answers like n8n 1.x too (fidelityCases.ts): the same
 * status and body for every Content-Type × body, so n8n 1.x hands our
 * typeVersion-1 triggers the unread request and its raw bytes as n8n 2 does.
 */
import { defineHarnessFidelity } from '../fidelityCases';
import { N8N_1 } from '../harness';

defineHarnessFidelity(N8N_1);
