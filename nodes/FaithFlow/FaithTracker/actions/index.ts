import type { INodeProperties } from 'n8n-workflow';

import type { OperationTable } from '../../../shared/n8n/actions/types';
import * as test from './connection/test.operation';
import { commonFields } from './fields';
import * as send from './memberEvent/send.operation';

export const operations: OperationTable = {
	memberEvent: { send },
	connection: { test },
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		default: 'memberEvent',
		options: [
			{ name: 'Connection', value: 'connection', description: 'The webhook connection to FaithTracker' },
			{ name: 'Member Event', value: 'memberEvent', description: 'A member change FaithTracker syncs' },
		],
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['memberEvent'] } },
		default: 'send',
		options: [
			{
				name: 'Send',
				value: 'send',
				description: 'Tell FaithTracker that a member was created, updated or deleted',
				action: 'Send a member event',
			},
		],
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['connection'] } },
		default: 'test',
		options: [
			{
				name: 'Test',
				value: 'test',
				description: 'Send a test event; FaithTracker answers without syncing anything',
				action: 'Test the connection',
			},
		],
	},
	...send.description,
	...test.description,
	...commonFields,
];
