import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { routeSubscriptionActions, subscriptionActionProperties } from '../shared/n8n/actions/router';
import { churnSaver } from './definition';

/**
 * Churn Saver has not published a webhook-subscription API: these operations
 * assume Rishi's REST shape at the credential's Subscriptions Path (see
 * `subscriptions` in definition.ts).
 */
export class ChurnSaver implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Churn Saver',
		name: 'churnSaver',
		icon: { light: 'file:churnSaver.svg', dark: 'file:churnSaver.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			"Create, list, update and delete Churn Saver webhook subscriptions. Churn Saver has not published its API yet: Rishi's REST shape is assumed, at the path set in the credential's Subscriptions Path (default /api/webhooks).",
		defaults: { name: 'Churn Saver' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'churnSaverApi', required: true }],
		properties: subscriptionActionProperties(churnSaver),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeSubscriptionActions(this, churnSaver, 'churnSaverApi');
	}
}
