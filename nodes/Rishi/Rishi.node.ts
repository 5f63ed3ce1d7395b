import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { OPERATION_SUBTITLE } from '../shared/n8n/actions/properties';
import { routeSubscriptionActions, subscriptionActionDescription } from '../shared/n8n/actions/subscriptionActions';
import { rishi } from './definition';

export class Rishi implements INodeType {
	description: INodeTypeDescription = {
		...subscriptionActionDescription(rishi, 'rishi'),
		// n8n's lint reads these from the class itself (icon-validation, require-node-description-fields, node-usable-as-tool).
		icon: { light: 'file:rishi.svg', dark: 'file:rishi.dark.svg' },
		subtitle: OPERATION_SUBTITLE,
		usableAsTool: true,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeSubscriptionActions(this, rishi);
	}
}
