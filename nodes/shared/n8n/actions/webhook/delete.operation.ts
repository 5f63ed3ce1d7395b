import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { ProviderDefinition } from '../../../provider';
import { openSubscriptionApi } from '../../subscriptionApi';
import type { ActionTarget } from '../types';
import { webhookIdField } from './fields';

export function description(provider: ProviderDefinition): INodeProperties[] {
	return updateDisplayOptions({ show: { resource: ['webhook'], operation: ['delete'] } }, [webhookIdField(provider)]);
}

export async function execute(this: IExecuteFunctions, target: ActionTarget, itemIndex: number): Promise<IDataObject[]> {
	const id = String(this.getNodeParameter('webhookId', itemIndex)).trim();
	const api = await openSubscriptionApi(this, target.provider, target.credentialName, itemIndex);
	await api.remove(id);
	return [{ id, deleted: true }];
}
