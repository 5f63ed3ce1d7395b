import type { IDataObject } from 'n8n-workflow';

import { forgetGeneratedSecret } from '../subscriptions/signingSecret';

/**
 * The provider's id of the subscription a self-registering trigger created,
 * kept in its node's static data between n8n's `checkExists`, `create` and
 * `delete` calls. The secret it was registered with is kept by
 * subscriptions/signingSecret.ts.
 */
const SUBSCRIPTION_ID = 'webhookId';

export function storedSubscriptionId(staticData: IDataObject): string | undefined {
	const id = staticData[SUBSCRIPTION_ID];
	return typeof id === 'string' && id !== '' ? id : undefined;
}

/** Stores `id`; only a real change marks the static data for saving. */
export function rememberSubscriptionId(staticData: IDataObject, id: string): void {
	if (staticData[SUBSCRIPTION_ID] !== id) staticData[SUBSCRIPTION_ID] = id;
}

export function forgetSubscription(staticData: IDataObject): void {
	delete staticData[SUBSCRIPTION_ID];
	forgetGeneratedSecret(staticData);
}
