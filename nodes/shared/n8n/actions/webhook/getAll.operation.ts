import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ProviderDefinition } from '../../../provider';
import { openSubscriptionApi } from '../../subscriptionApi';
import { subscriptionOutput } from './output';

export const properties: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

export const output = subscriptionOutput;

export async function execute(this: IExecuteFunctions, itemIndex: number, provider: ProviderDefinition): Promise<IDataObject[]> {
	const api = await openSubscriptionApi(this, provider, itemIndex);
	const subscriptions = (await api.list()).map((subscription) => subscription.raw as IDataObject);
	if (this.getNodeParameter('returnAll', itemIndex, false) as boolean) return subscriptions;
	return subscriptions.slice(0, this.getNodeParameter('limit', itemIndex, 50) as number);
}
