import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { FAITHFLOW_EVENT_NAMES, FAITHFLOW_EVENTS, type FaithFlowEventName } from '../../../events';
import { memberIdField } from '../../../memberIdField';
import { sendToFaithTracker } from '../../faithTracker';
import { readEvent } from '../fields';

export const properties: INodeProperties[] = [
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		default: 'member.updated',
		description: 'What happened to the member in FaithFlow',
		options: FAITHFLOW_EVENT_NAMES.map((name) => ({ name, value: name, description: FAITHFLOW_EVENTS[name] })),
	},
	memberIdField('The FaithFlow member UUID. FaithTracker fetches the member from the core API itself.'),
];

/** FaithTracker's answer to a member event (the guide's "Response Format"). */
export const output = z
	.object({
		success: z.boolean(),
		message: z.string().describe('e.g. "Member updated: SUMARNI NINGSIH"'),
		member_id: z.string().optional(),
	})
	.passthrough();

/** `member.created`, `member.updated` or `member.deleted` for one member. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const event = this.getNodeParameter('event', itemIndex) as string;
	if (!(FAITHFLOW_EVENT_NAMES as readonly string[]).includes(event)) {
		throw new NodeOperationError(this.getNode(), `"${event}" is not a FaithTracker member event`, {
			itemIndex,
			description: `Use one of ${FAITHFLOW_EVENT_NAMES.join(', ')}.`,
		});
	}
	const memberId = String(this.getNodeParameter('memberId', itemIndex) ?? '').trim();
	if (memberId === '') {
		throw new NodeOperationError(this.getNode(), 'A member ID is required for member events', { itemIndex, level: 'warning' });
	}
	return await sendToFaithTracker.call(this, readEvent(this, itemIndex, event as FaithFlowEventName, memberId), itemIndex);
}
