import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { actionNodeDescription, actionProperties, OPERATION_SUBTITLE } from '../shared/n8n/actions/properties';
import { routeOperations } from '../shared/n8n/actions/router';
import { faithFlowActions } from './actions';
import { faithFlow } from './definition';

/** Its operations, for execute() and for the output schemas the build writes beside the node (gulpfile.js). */
export { faithFlowActions };

/** Reads the FaithFlow Enterprise core API: a member by ID. */
export class FaithFlow implements INodeType {
	description: INodeTypeDescription = {
		...actionNodeDescription(
			{
				displayName: faithFlow.displayName,
				name: 'faithFlow',
				description: 'Get members from the FaithFlow Enterprise core API',
				credentialName: faithFlow.credentialName,
			},
			actionProperties(faithFlowActions),
		),
		// n8n's lint reads these from the class itself (icon-validation, require-node-description-fields, node-usable-as-tool).
		icon: { light: 'file:faithflow.svg', dark: 'file:faithflow.dark.svg' },
		subtitle: OPERATION_SUBTITLE,
		usableAsTool: true,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeOperations(this, faithFlowActions);
	}
}
