import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { OPERATION_SUBTITLE } from '../shared/n8n/actions/properties';
import { routeOperations } from '../shared/n8n/actions/router';
import { subscriptionActionDescription, subscriptionActions } from '../shared/n8n/actions/subscriptionActions';
import { esahayak } from './definition';

/** Its operations, for execute() and for the output schemas the build writes beside the node (gulpfile.js). */
export const esahayakActions = subscriptionActions(esahayak);

/**
 * eSahayak has not published a webhook-subscription API: these operations
 * assume Rishi's REST shape at the credential's Subscriptions Path (see
 * `subscriptions` in definition.ts).
 */
export class ESahayak implements INodeType {
	description: INodeTypeDescription = {
		...subscriptionActionDescription(esahayak, 'eSahayak'),
		// n8n's lint reads these from the class itself (icon-validation, require-node-description-fields, node-usable-as-tool).
		icon: { light: 'file:esahayak.svg', dark: 'file:esahayak.dark.svg' },
		subtitle: OPERATION_SUBTITLE,
		usableAsTool: true,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeOperations(this, esahayakActions);
	}
}
