import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { routeSubscriptionActions, subscriptionActionProperties } from '../shared/n8n/actions/router';
import { rishi } from './definition';

export class Rishi implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Rishi',
		name: 'rishi',
		icon: { light: 'file:rishi.svg', dark: 'file:rishi.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create, list, update and delete Rishi webhook subscriptions',
		defaults: { name: 'Rishi' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'rishiApi', required: true }],
		properties: subscriptionActionProperties(rishi),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeSubscriptionActions(this, rishi, 'rishiApi');
	}
}
