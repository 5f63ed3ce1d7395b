import type { INodeProperties } from 'n8n-workflow';

import type { ProviderDefinition } from '../../provider';
import { RISHI_WEBHOOKS_PATH } from '../../subscriptions/rishiStyleApi';
import { actionNodeDescription, actionProperties } from './properties';
import type { NodeActions } from './types';
import { webhookResource } from './webhook';

/**
 * A subscription action node's operations (Rishi's and the assumed providers'): the `Webhook` resource,
 * bound to the node's provider. The node module exports them, for its execute() and for the build.
 */
export function subscriptionActions(provider: ProviderDefinition): NodeActions<ProviderDefinition> {
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

/** What the editor says the node does; for an assumed API, also where its requests go. */
function nodeDescription(provider: ProviderDefinition): string {
	const name = provider.displayName;
	const does = `Create, list, update and delete ${name} webhook subscriptions`;
	if (!provider.subscriptions?.assumed) return does;
	return `${does}. ${name} has not published its API yet: Rishi's REST shape is assumed, at the path set in the credential's Subscriptions Path (default ${RISHI_WEBHOOKS_PATH}).`;
}

/** A subscription action node's description: the node type `name` is all its class adds, with what n8n's lint reads there. */
export function subscriptionActionDescription(provider: ProviderDefinition, name: string) {
	return actionNodeDescription(
		{ displayName: provider.displayName, name, description: nodeDescription(provider), credentialName: provider.credentialName },
		subscriptionActionProperties(provider),
	);
}
