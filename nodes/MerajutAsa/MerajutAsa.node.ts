import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { routeSubscriptionActions, subscriptionActionProperties } from '../shared/n8n/actions/router';
import { merajutAsa } from './definition';

/**
 * MerajutASA has not published a webhook-subscription API: these operations
 * assume Rishi's REST shape at the credential's Subscriptions Path (see
 * `subscriptions` in definition.ts).
 */
export class MerajutAsa implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'MerajutASA',
		name: 'merajutAsa',
		icon: { light: 'file:merajutasa.svg', dark: 'file:merajutasa.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			"Create, list, update and delete MerajutASA webhook subscriptions. MerajutASA has not published its API yet: Rishi's REST shape is assumed, at the path set in the credential's Subscriptions Path (default /api/webhooks).",
		defaults: { name: 'MerajutASA' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'merajutAsaApi', required: true }],
		properties: subscriptionActionProperties(merajutAsa),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeSubscriptionActions(this, merajutAsa, 'merajutAsaApi');
	}
}
