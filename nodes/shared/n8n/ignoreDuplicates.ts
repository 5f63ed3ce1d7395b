import type { IWebhookFunctions } from 'n8n-workflow';

import { DeliveryLedger, type SeenDeliveries } from '../pipeline/dedupe';

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

export type DeliveryClaim =
	| { readonly result: 'in_progress' }
	| { readonly result: 'done' }
	/** `recorded()`: n8n has recorded the execution; call it before n8n saves static data. */
	| { readonly result: 'new'; readonly recorded: () => void };

/**
 * Claims `deliveryId` for this call. A new claim is settled by `recorded()`,
 * or else by the answer: a 2xx means n8n recorded it, anything else that it
 * did not.
 *
 * The key goes into static data in `recorded()`, not here: n8n 2.40.7
 * clears the workflow's static-data change flag while it registers the
 * execution (WorkflowRunner.run builds a second Workflow over the same
 * static-data object), so a change made in webhook() is saved only when the
 * workflow had no static data yet. Written after registration, it is saved
 * with the answer, and holds every key recorded in this process so far.
 */
export function claimDelivery(context: IWebhookFunctions, deliveryId: string): DeliveryClaim {
	const ledger = ledgerOf(context);
	const staticData = context.getWorkflowStaticData('node');
	const persisted = (staticData[SEEN_DELIVERIES] ?? {}) as SeenDeliveries;
	const result = ledger.claim(deliveryId, Date.now(), persisted);
	if (result === 'in_progress' || result === 'done') return { result };

	let settled = false;
	const settle = (recorded: boolean) => {
		if (settled) return;
		settled = true;
		const now = Date.now();
		ledger.settle(deliveryId, recorded, now);
		if (recorded) staticData[SEEN_DELIVERIES] = ledger.snapshot(persisted, now);
	};
	const response = context.getResponseObject();
	response.once('finish', () => settle(response.statusCode >= 200 && response.statusCode < 300));
	response.once('close', () => settle(false));
	return { result, recorded: () => settle(true) };
}
