import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { routeOperations } from '../shared/n8n/actions/router';
import { operations, properties } from './actions';

/** Reads the FaithFlow Enterprise core API: a member by ID. */
export class FaithFlow implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'FaithFlow',
		name: 'faithFlow',
		icon: { light: 'file:faithflow.svg', dark: 'file:faithflow.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Get members from the FaithFlow Enterprise core API',
		defaults: { name: 'FaithFlow' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'faithFlowApi', required: true }],
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeOperations(this, operations);
	}
}
