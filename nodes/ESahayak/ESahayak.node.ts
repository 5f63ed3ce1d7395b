import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { routeSubscriptionActions, subscriptionActionProperties } from '../shared/n8n/actions/router';
import { esahayak } from './definition';

/**
 * eSahayak has not published a webhook-subscription API: these operations
 * assume Rishi's REST shape at the credential's Subscriptions Path (see
 * `subscriptions` in definition.ts).
 */
export class ESahayak implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'eSahayak',
		name: 'eSahayak',
		icon: { light: 'file:esahayak.svg', dark: 'file:esahayak.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			"Create, list, update and delete eSahayak webhook subscriptions. eSahayak has not published its API yet: Rishi's REST shape is assumed, at the path set in the credential's Subscriptions Path (default /api/webhooks).",
		defaults: { name: 'eSahayak' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'eSahayakApi', required: true }],
		properties: subscriptionActionProperties(esahayak),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeSubscriptionActions(this, esahayak, 'eSahayakApi');
	}
}
