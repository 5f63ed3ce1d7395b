import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { ProviderDefinition } from '../../../provider';
import { openSubscriptionApi } from '../../subscriptionApi';
import { deliveryFields, subscribableEvents, subscriptionBody, webhookIdField } from './fields';
import { subscriptionOutput } from './output';

/** Fields of a listed subscription that are sent back unchanged unless the user changes them. */
const KEPT_FIELDS = ['url', 'events', 'active', 'headers', 'timeout', 'retries'] as const;

export function properties(provider: ProviderDefinition): INodeProperties[] {
	return [
		webhookIdField(provider),
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: ([
				{
					displayName: 'Active',
					name: 'active',
					type: 'boolean',
					default: true,
					description: 'Whether the subscription delivers events',
				},
				{
					displayName: 'Events',
					name: 'events',
					type: 'multiOptions',
					default: [],
					options: subscribableEvents(provider),
					description: 'The events to subscribe to, replacing the current ones',
				},
				{
					displayName: 'Secret',
					name: 'secret',
					type: 'string',
					typeOptions: { password: true },
					default: '',
					description: 'A new secret for signing deliveries',
				},
				{
					displayName: 'URL',
					name: 'url',
					type: 'string',
					default: '',
					placeholder: 'https://your-domain.com/webhook',
					description: `Where ${provider.displayName} sends the events`,
				},
				...deliveryFields(),
			] satisfies INodeProperties[]).sort((a, b) => a.displayName.localeCompare(b.displayName)),
		},
	];
}

/**
 * PUT replaces a subscription, so the current one is read first (from the
 * list: there is no GET by id) and the fields left alone are sent back as
 * they are. Reading first also makes a wrong id a clear 404.
 */
export const output = subscriptionOutput;

export async function execute(this: IExecuteFunctions, itemIndex: number, provider: ProviderDefinition): Promise<IDataObject[]> {
	const id = String(this.getNodeParameter('webhookId', itemIndex)).trim();
	const changes = subscriptionBody(this, provider, this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject, itemIndex);
	if (Object.keys(changes).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Add at least one field to update', { itemIndex });
	}
	const api = await openSubscriptionApi(this, provider, itemIndex);
	const current = await api.get(id);
	const kept = Object.fromEntries(KEPT_FIELDS.filter((field) => current.raw[field] !== undefined).map((field) => [field, current.raw[field]]));
	const body = { ...kept, ...changes } as IDataObject;
	const answer = await api.update(id, body);
	if (answer) return [answer.raw as IDataObject];
	// No subscription in the answer: show what was sent, without the secret.
	const shown: IDataObject = { ...current.raw, ...body, id };
	delete shown.secret;
	return [shown];
}
