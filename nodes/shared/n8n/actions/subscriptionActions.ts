import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
	type INodeTypeDescription,
} from 'n8n-workflow';

import type { ProviderDefinition } from '../../provider';
import { RISHI_WEBHOOKS_PATH } from '../../subscriptions/rishiStyleApi';
import { actionProperties } from './properties';
import { routeOperations } from './router';
import type { NodeActions } from './types';
import { webhookResource } from './webhook';

/** A subscription action node (Rishi's and the assumed providers'): the `Webhook` resource, bound to the node's provider. */
function subscriptionActions(provider: ProviderDefinition): NodeActions<ProviderDefinition> {
	return { binding: provider, resources: [webhookResource(provider)] };
}

function assumedApiNotice(provider: ProviderDefinition): INodeProperties[] {
	if (!provider.subscriptions?.assumed) return [];
	return [
		{
			displayName: `${provider.displayName} does not document a webhook API. These operations assume a Rishi-style endpoint at the credential's Subscriptions Path.`,
			name: 'assumedApiNotice',
			type: 'notice',
			default: '',
		},
	];
}

/** The parameters of a subscription action node; a notice first when the provider's API is assumed. */
function subscriptionActionProperties(provider: ProviderDefinition): INodeProperties[] {
	return [...assumedApiNotice(provider), ...actionProperties(subscriptionActions(provider))];
}

/** The item loop of a subscription action node, with the provider's own credential. */
export async function routeSubscriptionActions(
	context: IExecuteFunctions,
	provider: ProviderDefinition,
): Promise<INodeExecutionData[][]> {
	return await routeOperations(context, subscriptionActions(provider));
}

/** What n8n's lint reads from the node class itself, so each class states it (see the action node classes). */
type StatedInClass = 'icon' | 'subtitle' | 'usableAsTool';

/** What the editor says the node does; for an assumed API, also where its requests go. */
function nodeDescription(provider: ProviderDefinition): string {
	const name = provider.displayName;
	const does = `Create, list, update and delete ${name} webhook subscriptions`;
	if (!provider.subscriptions?.assumed) return does;
	return `${does}. ${name} has not published its API yet: Rishi's REST shape is assumed, at the path set in the credential's Subscriptions Path (default ${RISHI_WEBHOOKS_PATH}).`;
}

/**
 * A subscription action node's description but for what its class states:
 * `name` (the node type, as package.json and the codex file know it) and
 * what n8n's lint reads from the class.
 */
export function subscriptionActionDescription(provider: ProviderDefinition, name: string): Omit<INodeTypeDescription, StatedInClass> {
	return {
		displayName: provider.displayName,
		name,
		group: ['transform'],
		version: 1,
		description: nodeDescription(provider),
		defaults: { name: provider.displayName },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: provider.credentialName, required: true }],
		properties: subscriptionActionProperties(provider),
	};
}
