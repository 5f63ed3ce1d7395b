import {
	NodeApiError,
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
	type JsonObject,
} from 'n8n-workflow';

import type { ProviderDefinition } from '../../provider';
import * as webhook from './webhook';

/**
 * The action node's parameters for a provider with a subscriptions API: a
 * `Webhook` resource with Create, Delete, Get, Get Many and Update.
 */
export function subscriptionActionProperties(provider: ProviderDefinition): INodeProperties[] {
	const notice: INodeProperties[] = provider.subscriptions?.assumed
		? [
				{
					displayName: `${provider.displayName} does not document a webhook API. These operations assume a Rishi-style endpoint at the credential's Subscriptions Path.`,
					name: 'assumedApiNotice',
					type: 'notice',
					default: '',
				},
			]
		: [];
	return [
		...notice,
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			default: 'webhook',
			options: [{ name: 'Webhook', value: 'webhook', description: `A ${provider.displayName} webhook subscription` }],
		},
		...webhook.description(provider),
	];
}

/** Owns the item loop: one call per input item, continueOnFail honoured per item. */
export async function routeSubscriptionActions(
	context: IExecuteFunctions,
	provider: ProviderDefinition,
	credentialName: string,
): Promise<INodeExecutionData[][]> {
	const items = context.getInputData();
	const returnData: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const resource = context.getNodeParameter('resource', itemIndex) as string;
			const operationName = context.getNodeParameter('operation', itemIndex) as string;
			const operation = resource === 'webhook' ? webhook.operations[operationName] : undefined;
			if (!operation) {
				throw new NodeOperationError(context.getNode(), `The operation "${operationName}" of "${resource}" is not supported`, {
					itemIndex,
				});
			}
			const results = await operation.execute.call(context, { provider, credentialName }, itemIndex);
			returnData.push(
				...context.helpers.constructExecutionMetaData(context.helpers.returnJsonArray(results), { itemData: { item: itemIndex } }),
			);
		} catch (error) {
			if (context.continueOnFail()) {
				const failure = error as { message?: string; description?: string | null; httpCode?: string | null };
				returnData.push({
					json: {
						error: failure.message ?? String(error),
						...(failure.description ? { description: failure.description } : {}),
						...(failure.httpCode ? { httpCode: failure.httpCode } : {}),
					},
					pairedItem: { item: itemIndex },
				});
				continue;
			}
			if (error instanceof NodeApiError) throw new NodeApiError(context.getNode(), error as unknown as JsonObject, { itemIndex });
			const message = typeof (error as Error)?.message === 'string' ? (error as Error).message : String(error);
			throw new NodeOperationError(context.getNode(), error as Error, { itemIndex, message });
		}
	}
	return [returnData];
}
