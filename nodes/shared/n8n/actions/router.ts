import {
	NodeApiError,
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
	type JsonObject,
} from 'n8n-workflow';

import type { ProviderDefinition } from '../../provider';
import type { ActionTarget, Operation, OperationTable } from './types';
import * as webhook from './webhook';

function operationIn(operations: OperationTable, resource: string, operationName: string): Operation | undefined {
	const own = (table: object, key: string) => Object.prototype.hasOwnProperty.call(table, key);
	return own(operations, resource) && own(operations[resource], operationName) ? operations[resource][operationName] : undefined;
}

function failureItem(error: unknown, itemIndex: number): INodeExecutionData {
	const failure = error as { message?: string; description?: string | null; httpCode?: string | null };
	return {
		json: {
			error: failure.message ?? String(error),
			...(failure.description ? { description: failure.description } : {}),
			...(failure.httpCode ? { httpCode: failure.httpCode } : {}),
		},
		pairedItem: { item: itemIndex },
	};
}

/**
 * Owns an action node's item loop: one operation call per input item (the
 * operation named by the item's `resource` and `operation` parameters), each
 * result paired with its item, and `continueOnFail` honoured per item (the
 * failure becomes an item with `error`, `description` and `httpCode`).
 */
export async function routeOperations(context: IExecuteFunctions, operations: OperationTable): Promise<INodeExecutionData[][]> {
	const items = context.getInputData();
	const returnData: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const resource = context.getNodeParameter('resource', itemIndex) as string;
			const operationName = context.getNodeParameter('operation', itemIndex) as string;
			const operation = operationIn(operations, resource, operationName);
			if (!operation) {
				throw new NodeOperationError(context.getNode(), `The operation "${operationName}" of "${resource}" is not supported`, {
					itemIndex,
				});
			}
			const result = await operation.execute.call(context, itemIndex);
			returnData.push(
				...context.helpers.constructExecutionMetaData(context.helpers.returnJsonArray(result), { itemData: { item: itemIndex } }),
			);
		} catch (error) {
			if (context.continueOnFail()) {
				returnData.push(failureItem(error, itemIndex));
				continue;
			}
			// Both constructors hand back an error of their own class unchanged.
			if (error instanceof NodeApiError) throw new NodeApiError(context.getNode(), error as unknown as JsonObject, { itemIndex });
			const message = typeof (error as Error)?.message === 'string' ? (error as Error).message : String(error);
			throw new NodeOperationError(context.getNode(), error as Error, { itemIndex, message });
		}
	}
	return [returnData];
}

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

/** The `Webhook` resource's operations, bound to the node's provider and credential. */
function subscriptionOperations(target: ActionTarget): OperationTable {
	const bound = Object.entries(webhook.operations).map(([name, operation]): [string, Operation] => [
		name,
		{
			async execute(this: IExecuteFunctions, itemIndex: number) {
				return await operation.execute.call(this, target, itemIndex);
			},
		},
	]);
	return { webhook: Object.fromEntries(bound) };
}

/** The item loop of a subscription action node (Rishi's and the assumed providers'): `routeOperations` over the `Webhook` resource. */
export async function routeSubscriptionActions(
	context: IExecuteFunctions,
	provider: ProviderDefinition,
	credentialName: string,
): Promise<INodeExecutionData[][]> {
	return await routeOperations(context, subscriptionOperations({ provider, credentialName }));
}
