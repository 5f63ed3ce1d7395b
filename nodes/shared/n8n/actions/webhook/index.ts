import type { ProviderDefinition } from '../../../provider';
import type { Resource } from '../types';
import * as create from './create.operation';
import * as deleteOperation from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

/** The `Webhook` resource of a provider with a subscriptions API: Create, Delete, Get, Get Many and Update. */
export function webhookResource(provider: ProviderDefinition): Resource<ProviderDefinition> {
	const name = provider.displayName;
	return {
		value: 'webhook',
		name: 'Webhook',
		description: `A ${name} webhook subscription`,
		operations: [
			{
				value: 'create',
				name: 'Create',
				description: `Subscribe a URL to ${name} events`,
				action: 'Create a webhook',
				...create,
			},
			{
				value: 'delete',
				name: 'Delete',
				description: `Delete a ${name} webhook subscription`,
				action: 'Delete a webhook',
				...deleteOperation,
			},
			{
				value: 'get',
				name: 'Get',
				description: `Get a ${name} webhook subscription by ID (looked up in the list)`,
				action: 'Get a webhook',
				...get,
			},
			{
				value: 'getAll',
				name: 'Get Many',
				description: `List ${name} webhook subscriptions`,
				action: 'Get many webhooks',
				isDefault: true,
				...getAll,
			},
			{
				value: 'update',
				name: 'Update',
				description: `Change a ${name} webhook subscription`,
				action: 'Update a webhook',
				...update,
			},
		],
	};
}
