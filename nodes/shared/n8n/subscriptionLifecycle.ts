import { NodeOperationError, type IDataObject, type IHookFunctions } from 'n8n-workflow';

import { nonEmptyString } from '../http/secrets';
import type { ProviderDefinition } from '../provider';
import { expandEvents } from '../subscriptions/events';
import { planCheck } from '../subscriptions/reconcile';
import { forgetGeneratedSecret, rememberRegisteredSecret, secretSourceChanged, secretToRegister } from '../subscriptions/signingSecret';
import type { DesiredSubscription } from '../subscriptions/types';
import { isNotFound, openSubscriptionApi, type SubscriptionApi } from './subscriptionApi';
import { registersItself } from './subscriptionSetup';

/*
 * Every trigger's `webhookMethods.default`. n8n calls `checkExists` on every
 * activation and every n8n start, and `create` only when it answered false;
 * `delete` on deactivation and at the end of a "Listen for test event"
 * session. A trigger that does not register itself (no subscriptions API, or
 * the user pastes the URL) has nothing to check, create or delete.
 * What is remembered between those calls: the subscription's id (below) and
 * the secret it was registered with (subscriptions/signingSecret.ts).
 */

/**
 * The provider's id of the subscription a self-registering trigger created,
 * kept in its node's static data between n8n's `checkExists`, `create` and
 * `delete` calls. The secret it was registered with is kept by
 * subscriptions/signingSecret.ts.
 */
const SUBSCRIPTION_ID = 'webhookId';

function storedSubscriptionId(staticData: IDataObject): string | undefined {
	return nonEmptyString(staticData[SUBSCRIPTION_ID]);
}

/** Stores `id`; only a real change marks the static data for saving. */
function rememberSubscriptionId(staticData: IDataObject, id: string): void {
	if (staticData[SUBSCRIPTION_ID] !== id) staticData[SUBSCRIPTION_ID] = id;
}

function forgetSubscription(staticData: IDataObject): void {
	delete staticData[SUBSCRIPTION_ID];
	forgetGeneratedSecret(staticData);
}

function desiredSubscription(context: IHookFunctions, provider: ProviderDefinition): DesiredSubscription {
	const url = context.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(context.getNode(), 'n8n did not provide a webhook URL for this trigger');
	const events = expandEvents(context.getNodeParameter('events', []) as string[], provider.events);
	if (events.length === 0) {
		throw new NodeOperationError(context.getNode(), `Choose at least one event to subscribe to in the ${provider.displayName} trigger`, {
			level: 'warning',
		});
	}
	return { url, events };
}

/** What to log about a failure: our errors carry no secret in message or description. */
function logDetails(error: unknown): Record<string, unknown> {
	const { message, description } = error as { message?: unknown; description?: unknown };
	return {
		error: typeof message === 'string' ? message : String(error),
		...(typeof description === 'string' && description !== '' ? { detail: description } : {}),
	};
}

/** Removes one subscription; a 404 counts as removed. Returns whether it is gone. */
async function removeQuietly(context: IHookFunctions, api: SubscriptionApi, id: string, why: string): Promise<boolean> {
	const name = api.provider.displayName;
	try {
		await api.remove(id);
		context.logger.info(`Removed ${name} webhook subscription ${id} (${why})`);
		return true;
	} catch (error) {
		if (isNotFound(error)) {
			context.logger.debug(`${name} webhook subscription ${id} was already gone (${why})`);
			return true;
		}
		context.logger.warn(`Could not remove ${name} webhook subscription ${id} (${why}); remove it in ${name} if it stays`, {
			...logDetails(error),
		});
		return false;
	}
}

export async function checkSubscription(context: IHookFunctions, provider: ProviderDefinition): Promise<boolean> {
	const staticData = context.getWorkflowStaticData('node');
	const id = storedSubscriptionId(staticData);
	if (!registersItself(context, provider)) {
		// Switched from automatic to manual setup: the old registration has no owner any more.
		if (id !== undefined) await deleteSubscription(context, provider);
		return true;
	}

	const api = await openSubscriptionApi(context, provider);
	const desired = desiredSubscription(context, provider);
	const plan = planCheck({
		storedId: id,
		desired,
		remote: await api.list(),
		credentialHasSecret: api.credentialSecret !== undefined,
		secretChanged: id !== undefined && secretSourceChanged(staticData, api.credentialSecret),
	});

	for (const extra of plan.remove) {
		await removeQuietly(context, api, extra.id, `another subscription for ${desired.url}`);
	}

	if (plan.action === 'create') {
		forgetSubscription(staticData);
		context.logger.info(`No usable ${provider.displayName} webhook subscription for this trigger (${plan.reason}); registering one`);
		return false;
	}

	if (plan.action === 'update') {
		const body: IDataObject = { url: desired.url, events: [...desired.events], active: true };
		const secret = plan.fields.includes('secret') ? secretToRegister(api.credentialSecret) : undefined;
		if (secret !== undefined) body.secret = secret;
		await api.update(plan.subscription.id, body);
		if (secret !== undefined) rememberRegisteredSecret(staticData, api.credentialSecret, secret);
		context.logger.info(
			`${plan.adopted ? 'Adopted' : 'Repaired'} ${provider.displayName} webhook subscription ${plan.subscription.id} (${plan.fields.join(', ')})`,
		);
	}
	rememberSubscriptionId(staticData, plan.subscription.id);
	return true;
}

export async function createSubscription(context: IHookFunctions, provider: ProviderDefinition): Promise<boolean> {
	if (!registersItself(context, provider)) return true;
	const api = await openSubscriptionApi(context, provider);
	const desired = desiredSubscription(context, provider);
	const secret = secretToRegister(api.credentialSecret);
	const created = await api.create({ url: desired.url, events: [...desired.events], secret, active: true });
	const staticData = context.getWorkflowStaticData('node');
	rememberSubscriptionId(staticData, created.id);
	rememberRegisteredSecret(staticData, api.credentialSecret, secret);
	context.logger.info(`Registered ${provider.displayName} webhook subscription ${created.id} for ${desired.events.length} events`);
	return true;
}

export async function deleteSubscription(context: IHookFunctions, provider: ProviderDefinition): Promise<boolean> {
	const staticData = context.getWorkflowStaticData('node');
	const id = storedSubscriptionId(staticData);
	if (id === undefined) return true;
	let removed: boolean;
	try {
		const api = await openSubscriptionApi(context, provider);
		removed = await removeQuietly(context, api, id, 'trigger deactivated');
	} catch (error) {
		context.logger.warn(`Could not remove ${provider.displayName} webhook subscription ${id}; remove it in ${provider.displayName}`, {
			...logDetails(error),
		});
		removed = false;
	}
	forgetSubscription(staticData);
	return removed;
}
