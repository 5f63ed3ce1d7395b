import type { INodeProperties } from 'n8n-workflow';

import type { OperationTable } from '../../shared/n8n/actions/types';
import * as get from './member/get.operation';

export const operations: OperationTable = {
	member: { get },
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		default: 'member',
		options: [{ name: 'Member', value: 'member', description: 'A member of the FaithFlow Enterprise core system' }],
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['member'] } },
		default: 'get',
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get a member by ID (GET /api/members/{member_id})',
				action: 'Get a member',
			},
		],
	},
	...get.description,
];
