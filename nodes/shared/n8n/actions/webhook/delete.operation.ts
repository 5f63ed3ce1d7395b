import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ProviderDefinition } from '../../../provider';
import { openSubscriptionApi } from '../../subscriptionApi';
import { webhookIdField } from './fields';
import { deletedSubscriptionOutput } from './output';

export function properties(provider: ProviderDefinition): INodeProperties[] {
	return [webhookIdField(provider)];
}

export const output = deletedSubscriptionOutput;

export async function execute(this: IExecuteFunctions, itemIndex: number, provider: ProviderDefinition): Promise<IDataObject[]> {
	const id = String(this.getNodeParameter('webhookId', itemIndex)).trim();
	const api = await openSubscriptionApi(this, provider, itemIndex);
	await api.remove(id);
	return [{ id, deleted: true }];
}
