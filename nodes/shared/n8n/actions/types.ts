import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ProviderDefinition } from '../../provider';

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
