import type { INodeProperties } from 'n8n-workflow';

import type { ProviderDefinition } from '../../../provider';
import type { SubscriptionOperation } from '../types';
import * as create from './create.operation';
import * as deleteOperation from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const operations: Record<string, SubscriptionOperation> = {
	create,
	delete: deleteOperation,
	get,
	getAll,
	update,
};

export function description(provider: ProviderDefinition): INodeProperties[] {
	const name = provider.displayName;
	return [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: ['webhook'] } },
			default: 'getAll',
			options: [
				{
					name: 'Create',
					value: 'create',
					description: `Subscribe a URL to ${name} events`,
					action: 'Create a webhook',
				},
				{
					name: 'Delete',
					value: 'delete',
					description: `Delete a ${name} webhook subscription`,
					action: 'Delete a webhook',
				},
				{
					name: 'Get',
					value: 'get',
					description: `Get a ${name} webhook subscription by ID (looked up in the list)`,
					action: 'Get a webhook',
				},
				{
					name: 'Get Many',
					value: 'getAll',
					description: `List ${name} webhook subscriptions`,
					action: 'Get many webhooks',
				},
				{
					name: 'Update',
					value: 'update',
					description: `Change a ${name} webhook subscription`,
					action: 'Update a webhook',
				},
			],
		},
		...Object.values(operations).flatMap((operation) => operation.description(provider)),
	];
}
