import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { ProviderDefinition } from '../../../provider';
import { openSubscriptionApi } from '../../subscriptionApi';
import type { ActionTarget } from '../types';
import { webhookIdField } from './fields';

/**
 * The API documents no GET by id: this lists the subscriptions and picks the
 * one asked for, failing with a 404-style error when it is not listed.
 */
export function description(provider: ProviderDefinition): INodeProperties[] {
	return updateDisplayOptions({ show: { resource: ['webhook'], operation: ['get'] } }, [webhookIdField(provider)]);
}

export async function execute(this: IExecuteFunctions, target: ActionTarget, itemIndex: number): Promise<IDataObject[]> {
	const id = String(this.getNodeParameter('webhookId', itemIndex)).trim();
	const api = await openSubscriptionApi(this, target.provider, target.credentialName, itemIndex);
	return [(await api.get(id)).raw as IDataObject];
}
