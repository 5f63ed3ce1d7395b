import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ProviderDefinition } from '../../provider';

/** One operation as the router calls it: its result for one input item. */
export interface Operation {
	execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]>;
}

/** An action node's operations by resource, then by operation value. */
export type OperationTable = Readonly<Record<string, Readonly<Record<string, Operation>>>>;

/** What every operation needs to know about the node it runs in. */
export interface ActionTarget {
	readonly provider: ProviderDefinition;
	readonly credentialName: string;
}

/** One operation: `actions/<resource>/<operation>.operation.ts`. */
export interface SubscriptionOperation {
	description(provider: ProviderDefinition): INodeProperties[];
	execute(this: IExecuteFunctions, target: ActionTarget, itemIndex: number): Promise<IDataObject[]>;
}
