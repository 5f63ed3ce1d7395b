import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ProviderDefinition } from '../../../provider';
import { generateSigningSecret } from '../../../subscriptions/signingSecret';
import { openSubscriptionApi } from '../../subscriptionApi';
import { deliveryFields, subscribableEvents, subscriptionBody } from './fields';
import { createdSubscriptionOutput } from './output';

export function properties(provider: ProviderDefinition): INodeProperties[] {
	return [
		{
			displayName: 'URL',
			name: 'url',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'https://your-domain.com/webhook',
			description: `Where ${provider.displayName} sends the events`,
		},
		{
			displayName: 'Events',
			name: 'events',
			type: 'multiOptions',
			required: true,
			default: [],
			options: subscribableEvents(provider),
			description: 'The events to subscribe to',
		},
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'The secret deliveries are signed with. Leave empty to generate a random one: it is returned once, as "secret" in the output.',
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Active',
					name: 'active',
					type: 'boolean',
					default: true,
					description: 'Whether the subscription delivers events right away',
				},
				...deliveryFields(),
			],
		},
	];
}

export const output = createdSubscriptionOutput;

export async function execute(this: IExecuteFunctions, itemIndex: number, provider: ProviderDefinition): Promise<IDataObject[]> {
	const typedSecret = this.getNodeParameter('secret', itemIndex, '') as string;
	const secret = typedSecret || generateSigningSecret();
	const body = subscriptionBody(
		this,
		provider,
		{
			url: this.getNodeParameter('url', itemIndex),
			events: this.getNodeParameter('events', itemIndex),
			active: true,
			...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
			secret,
		},
		itemIndex,
	);
	const api = await openSubscriptionApi(this, provider, itemIndex);
	const created = await api.create(body);
	const item = created.raw as IDataObject;
	return [typedSecret ? item : { ...item, secret }];
}
