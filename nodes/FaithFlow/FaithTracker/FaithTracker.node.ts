import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { routeOperations } from '../../shared/n8n/actions/router';
import { faithTrackerActions, faithTrackerProperties } from './actions';
import { FAITHTRACKER_CREDENTIAL } from './signing';

/**
 * n8n as the FaithFlow core system: sends signed member events and the
 * connection test to FaithTracker's webhook (the FaithFlow Enterprise webhook guide).
 */
export class FaithTracker implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'FaithTracker',
		name: 'faithTracker',
		icon: { light: 'file:faithtracker.svg', dark: 'file:faithtracker.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["resource"] === "memberEvent" ? $parameter["event"] : "Test connection"}}',
		description: 'Send signed member created, updated and deleted events to FaithTracker, as FaithFlow Enterprise does',
		defaults: { name: 'FaithTracker' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: FAITHTRACKER_CREDENTIAL, required: true }],
		properties: faithTrackerProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeOperations(this, faithTrackerActions);
	}
}
