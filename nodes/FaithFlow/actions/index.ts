import type { NodeActions } from '../../shared/n8n/actions/types';
import * as get from './member/get.operation';

export const faithFlowActions: NodeActions = {
	binding: undefined,
	resources: [
		{
			value: 'member',
			name: 'Member',
			description: 'A member of the FaithFlow Enterprise core system',
			operations: [
				{
					value: 'get',
					name: 'Get',
					description: 'Get a member by ID (GET /api/members/{member_id})',
					action: 'Get a member',
					...get,
				},
			],
		},
	],
};
