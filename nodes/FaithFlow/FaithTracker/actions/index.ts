import type { INodeProperties } from 'n8n-workflow';

import { actionProperties } from '../../../shared/n8n/actions/properties';
import type { NodeActions } from '../../../shared/n8n/actions/types';
import * as test from './connection/test.operation';
import { commonFields } from './fields';
import * as send from './memberEvent/send.operation';

export const faithTrackerActions: NodeActions = {
	binding: undefined,
	resources: [
		{
			value: 'memberEvent',
			name: 'Member Event',
			description: 'A member change FaithTracker syncs',
			operations: [
				{
					value: 'send',
					name: 'Send',
					description: 'Tell FaithTracker that a member was created, updated or deleted',
					action: 'Send a member event',
					...send,
				},
			],
		},
		{
			value: 'connection',
			name: 'Connection',
			description: 'The webhook connection to FaithTracker',
			operations: [
				{
					value: 'test',
					name: 'Test',
					description: 'Send a test event; FaithTracker answers without syncing anything',
					action: 'Test the connection',
					...test,
				},
			],
		},
	],
};

/** Every resource sends the same envelope, so its fields follow the operations' own. */
export const faithTrackerProperties: INodeProperties[] = [...actionProperties(faithTrackerActions), ...commonFields];
