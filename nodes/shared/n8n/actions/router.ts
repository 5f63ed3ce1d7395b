import { NodeApiError, NodeOperationError, type IExecuteFunctions, type INodeExecutionData, type JsonObject } from 'n8n-workflow';

import type { NodeActions, ResourceOperation } from './types';

function operationIn<Binding>(
	actions: NodeActions<Binding>,
	resourceName: string,
	operationName: string,
): ResourceOperation<Binding> | undefined {
	return actions.resources
		.find((resource) => resource.value === resourceName)
		?.operations.find((operation) => operation.value === operationName);
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
 * operation named by the item's `resource` and `operation` parameters, given
 * the node's binding), each result paired with its item, and `continueOnFail`
 * honoured per item (the failure becomes an item with `error`, `description`
 * and `httpCode`).
 */
export async function routeOperations<Binding>(
	context: IExecuteFunctions,
	actions: NodeActions<Binding>,
): Promise<INodeExecutionData[][]> {
	const items = context.getInputData();
	const returnData: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const resource = context.getNodeParameter('resource', itemIndex) as string;
			const operationName = context.getNodeParameter('operation', itemIndex) as string;
			const operation = operationIn(actions, resource, operationName);
			if (!operation) {
				throw new NodeOperationError(context.getNode(), `The operation "${operationName}" of "${resource}" is not supported`, {
					itemIndex,
				});
			}
			const result = await operation.execute.call(context, itemIndex, actions.binding);
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
