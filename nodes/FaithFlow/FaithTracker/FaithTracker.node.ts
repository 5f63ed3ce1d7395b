import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { actionNodeDescription } from '../../shared/n8n/actions/properties';
import { routeOperations } from '../../shared/n8n/actions/router';
import { faithTrackerActions, faithTrackerProperties } from './actions';
import { FAITHTRACKER_CREDENTIAL } from './signing';

/** Its operations, for execute() and for the output schemas the build writes beside the node (gulpfile.js). */
export { faithTrackerActions };

/**
 * n8n as the FaithFlow core system: sends signed member events and the
 * connection test to FaithTracker's webhook (the FaithFlow Enterprise Webhook Integration Guide).
 */
export class FaithTracker implements INodeType {
	description: INodeTypeDescription = {
		...actionNodeDescription(
			{
				displayName: 'FaithTracker',
				name: 'faithTracker',
				description: 'Send signed member created, updated and deleted events to FaithTracker, as FaithFlow Enterprise does',
				credentialName: FAITHTRACKER_CREDENTIAL,
				group: 'output',
			},
			faithTrackerProperties,
		),
		// n8n's lint reads these from the class itself (icon-validation, require-node-description-fields, node-usable-as-tool).
		icon: { light: 'file:faithtracker.svg', dark: 'file:faithtracker.dark.svg' },
		subtitle: '={{$parameter["resource"] === "memberEvent" ? $parameter["event"] : "Test connection"}}',
		usableAsTool: true,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeOperations(this, faithTrackerActions);
	}
}
