import type { IDataObject } from 'n8n-workflow';

/**
 * What a self-registering trigger keeps in its node's static data (n8n saves
 * it with the workflow after activation; in a "Listen for test event" session
 * it lives only in memory, from `create` to `delete`):
 * - `webhookId`: the provider's id of the subscription this trigger registered;
 * - `webhookSecret`: the secret generated for it, only when the credential has
 *   none (a secret typed into the credential always wins).
 */
export const SUBSCRIPTION_ID = 'webhookId';
export const SUBSCRIPTION_SECRET = 'webhookSecret';

function nonEmptyString(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' ? value : undefined;
}

export function storedSubscriptionId(staticData: IDataObject): string | undefined {
	return nonEmptyString(staticData[SUBSCRIPTION_ID]);
}

export function storedSigningSecret(staticData: IDataObject): string | undefined {
	return nonEmptyString(staticData[SUBSCRIPTION_SECRET]);
}

export function forgetSubscription(staticData: IDataObject): void {
	delete staticData[SUBSCRIPTION_ID];
	delete staticData[SUBSCRIPTION_SECRET];
}
