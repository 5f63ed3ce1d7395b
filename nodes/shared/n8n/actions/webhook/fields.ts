import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
	type INodePropertyOptions,
} from 'n8n-workflow';

import { parseHttpUrl } from '../../../http/httpUrl';
import type { ProviderDefinition } from '../../../provider';
import { expandEvents } from '../../../subscriptions/events';
import { eventOptions } from '../../eventOptions';

/** The Events options of the create and update operations. */
export function subscribableEvents(provider: ProviderDefinition): INodePropertyOptions[] {
	return eventOptions(provider, `Every event ${provider.displayName} sends (as known to this node)`);
}

export function webhookIdField(provider: ProviderDefinition): INodeProperties {
	return {
		displayName: 'Webhook ID',
		name: 'webhookId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'webhook-123',
		description: `ID of the ${provider.displayName} webhook subscription`,
	};
}

/** Optional delivery settings of a subscription, as documented by Rishi ("Webhook Configuration Options"). */
export function deliveryFields(): INodeProperties[] {
	return [
		{
			displayName: 'Custom Headers',
			name: 'headers',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Header',
			default: {},
			description: 'Headers the provider adds to every delivery',
			options: [
				{
					displayName: 'Header',
					name: 'header',
					values: [
						{ displayName: 'Name', name: 'name', type: 'string', default: '' },
						{ displayName: 'Value', name: 'value', type: 'string', default: '' },
					],
				},
			],
		},
		{
			displayName: 'Retries',
			name: 'retries',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 3,
			description: 'How many times the provider retries a failed delivery',
		},
		{
			displayName: 'Timeout (Ms)',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 30000,
			description: 'How long the provider waits for your endpoint to answer, in milliseconds',
		},
	];
}

function headersObject(value: unknown): IDataObject | undefined {
	const entries = ((value as { header?: Array<{ name?: string; value?: string }> } | undefined)?.header ?? []).filter(
		(header) => typeof header.name === 'string' && header.name.trim() !== '',
	);
	if (entries.length === 0) return undefined;
	return Object.fromEntries(entries.map((header) => [header.name!.trim(), header.value ?? '']));
}

/**
 * Turns the node's values into the API's body fields: events expanded (`*` is
 * every catalogue event), headers as an object, the URL checked.
 */
export function subscriptionBody(
	context: IExecuteFunctions,
	provider: ProviderDefinition,
	fields: IDataObject,
	itemIndex: number,
): IDataObject {
	const body: IDataObject = {};
	if (fields.url !== undefined) {
		const url = String(fields.url).trim();
		if (parseHttpUrl(url) === undefined) {
			throw new NodeOperationError(context.getNode(), `The URL "${url}" is not an http(s) URL`, { itemIndex });
		}
		body.url = url;
	}
	if (fields.events !== undefined) {
		const events = expandEvents(fields.events as string[], provider.events);
		if (events.length === 0) throw new NodeOperationError(context.getNode(), 'Choose at least one event', { itemIndex });
		body.events = events;
	}
	if (fields.active !== undefined) body.active = fields.active === true;
	if (typeof fields.secret === 'string' && fields.secret !== '') body.secret = fields.secret;
	if (fields.headers !== undefined) {
		const headers = headersObject(fields.headers);
		if (headers) body.headers = headers;
	}
	if (typeof fields.timeout === 'number') body.timeout = fields.timeout;
	if (typeof fields.retries === 'number') body.retries = fields.retries;
	return body;
}
