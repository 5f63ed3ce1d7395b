import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { openSubscriptionApi } from '../../subscriptionApi';
import type { ActionTarget } from '../types';

export function description(): INodeProperties[] {
	return updateDisplayOptions({ show: { resource: ['webhook'], operation: ['getAll'] } }, [
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
	]);
}

export async function execute(this: IExecuteFunctions, target: ActionTarget, itemIndex: number): Promise<IDataObject[]> {
	const api = await openSubscriptionApi(this, target.provider, target.credentialName, itemIndex);
	const subscriptions = (await api.list()).map((subscription) => subscription.raw as IDataObject);
	if (this.getNodeParameter('returnAll', itemIndex, false) as boolean) return subscriptions;
	return subscriptions.slice(0, this.getNodeParameter('limit', itemIndex, 50) as number);
}
