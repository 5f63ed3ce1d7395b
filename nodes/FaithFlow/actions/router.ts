import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
	type JsonObject,
} from 'n8n-workflow';

/** One operation: `actions/<node>/<resource>/<operation>.operation.ts`. */
export interface Operation {
	readonly description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]>;
}

/** Operations by resource, then by operation value. */
export type OperationTable = Readonly<Record<string, Readonly<Record<string, Operation>>>>;

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
 * Owns the item loop: one operation call per input item, each result paired
 * with its item, and `continueOnFail` honoured per item (the failure becomes
 * an item with `error`, `description` and `httpCode`).
 */
export async function route(context: IExecuteFunctions, operations: OperationTable): Promise<INodeExecutionData[][]> {
	const items = context.getInputData();
	const returnData: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const resource = context.getNodeParameter('resource', itemIndex) as string;
			const operationName = context.getNodeParameter('operation', itemIndex) as string;
			const operation = operations[resource]?.[operationName];
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
			throw new NodeOperationError(context.getNode(), error as Error, { itemIndex });
		}
	}
	return [returnData];
}
