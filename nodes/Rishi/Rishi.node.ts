import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { OPERATION_SUBTITLE } from '../shared/n8n/actions/properties';
import { routeOperations } from '../shared/n8n/actions/router';
import { subscriptionActionDescription, subscriptionActions } from '../shared/n8n/actions/subscriptionActions';
import { rishi } from './definition';

/** Its operations, for execute() and for the output schemas the build writes beside the node (gulpfile.js). */
export const rishiActions = subscriptionActions(rishi);

export class Rishi implements INodeType {
	description: INodeTypeDescription = {
		...subscriptionActionDescription(rishi, 'rishi'),
		// n8n's lint reads these from the class itself (icon-validation, require-node-description-fields, node-usable-as-tool).
		icon: { light: 'file:rishi.svg', dark: 'file:rishi.dark.svg' },
		subtitle: OPERATION_SUBTITLE,
		usableAsTool: true,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeOperations(this, rishiActions);
	}
}
