import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
	type INodeTypeDescription,
} from 'n8n-workflow';

import type { ProviderDefinition } from '../../provider';
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

/** What differs between the subscription action nodes besides their provider. */
export type SubscriptionNodeIdentity = Pick<INodeTypeDescription, 'displayName' | 'name' | 'description'>;

/** A subscription action node's description but for what its class states: its identity, its provider's credential, the shared parameters. */
export function subscriptionActionDescription(
	provider: ProviderDefinition,
	identity: SubscriptionNodeIdentity,
): Omit<INodeTypeDescription, StatedInClass> {
	return {
		displayName: identity.displayName,
		name: identity.name,
		group: ['transform'],
		version: 1,
		description: identity.description,
		defaults: { name: identity.displayName },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: provider.credentialName, required: true }],
		properties: subscriptionActionProperties(provider),
	};
}
