import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ProviderDefinition } from '../../../provider';
import { openSubscriptionApi } from '../../subscriptionApi';
import { webhookIdField } from './fields';
import { subscriptionOutput } from './output';

/**
 * The API documents no GET by id: this lists the subscriptions and picks the
 * one asked for, failing with a 404-style error when it is not listed.
 */
export function properties(provider: ProviderDefinition): INodeProperties[] {
	return [webhookIdField(provider)];
}

export const output = subscriptionOutput;

export async function execute(this: IExecuteFunctions, itemIndex: number, provider: ProviderDefinition): Promise<IDataObject[]> {
	const id = String(this.getNodeParameter('webhookId', itemIndex)).trim();
	const api = await openSubscriptionApi(this, provider, itemIndex);
	return [(await api.get(id)).raw as IDataObject];
}
