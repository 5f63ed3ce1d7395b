import type { IWebhookFunctions } from 'n8n-workflow';

import { DeliveryLedger, type ClaimResult, type SeenDeliveries } from '../pipeline/dedupe';

/** Static-data key of the recorded delivery keys (see pipeline/dedupe.ts). */
const SEEN_DELIVERIES = 'seenDeliveries';

/**
 * One ledger per trigger node and mode in this process: every webhook call of
 * a workflow runs here, so claims made in one call are seen by the next at
 * once, whatever n8n later saves to static data.
 */
const ledgers = new Map<string, DeliveryLedger>();

function ledgerOf(context: IWebhookFunctions): DeliveryLedger {
	const id = `${context.getMode()}:${context.getWorkflow().id ?? ''}:${context.getNode().id}`;
	let ledger = ledgers.get(id);
	if (!ledger) ledgers.set(id, (ledger = new DeliveryLedger()));
	return ledger;
}

/**
 * Claims `deliveryId` for this call. For a new delivery it also writes the
 * key to static data (n8n saves it only once the execution is recorded) and
 * settles the claim when the answer is sent: a 2xx means n8n recorded it.
 */
export function claimDelivery(context: IWebhookFunctions, deliveryId: string): ClaimResult {
	const ledger = ledgerOf(context);
	const staticData = context.getWorkflowStaticData('node');
	const persisted = (staticData[SEEN_DELIVERIES] ?? {}) as SeenDeliveries;
	const now = Date.now();
	const claim = ledger.claim(deliveryId, now, persisted);
	if (claim !== 'new') return claim;

	staticData[SEEN_DELIVERIES] = ledger.snapshot(persisted, deliveryId, now);
	const response = context.getResponseObject();
	let settled = false;
	const settle = (recorded: boolean) => {
		if (settled) return;
		settled = true;
		ledger.settle(deliveryId, recorded, Date.now());
	};
	response.once('finish', () => settle(response.statusCode >= 200 && response.statusCode < 300));
	response.once('close', () => settle(false));
	return 'new';
}
