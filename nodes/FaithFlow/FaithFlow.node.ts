import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { actionProperties, OPERATION_SUBTITLE } from '../shared/n8n/actions/properties';
import { routeOperations } from '../shared/n8n/actions/router';
import { faithFlowActions } from './actions';
import { faithFlow } from './definition';

/** Reads the FaithFlow Enterprise core API: a member by ID. */
export class FaithFlow implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'FaithFlow',
		name: 'faithFlow',
		icon: { light: 'file:faithflow.svg', dark: 'file:faithflow.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: OPERATION_SUBTITLE,
		description: 'Get members from the FaithFlow Enterprise core API',
		defaults: { name: 'FaithFlow' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: faithFlow.credentialName, required: true }],
		properties: actionProperties(faithFlowActions),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeOperations(this, faithFlowActions);
	}
}
