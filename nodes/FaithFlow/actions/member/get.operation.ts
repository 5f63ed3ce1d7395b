import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fetchMember } from '../../coreApi';

export const properties: INodeProperties[] = [
	{
		displayName: 'Member ID',
		name: 'memberId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '8655d76b-9be0-4681-bd2c-35cd5e09a809',
		description: 'The member UUID, as in the member_id of a FaithFlow webhook event',
	},
];

/** `GET /api/members/{member_id}`: the member as the core API returns it. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const memberId = String(this.getNodeParameter('memberId', itemIndex) ?? '');
	return await fetchMember(this, memberId, { itemIndex });
}
