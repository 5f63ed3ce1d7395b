import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fetchMember } from '../../coreApi';
import { memberIdField } from '../../memberIdField';

export const properties: INodeProperties[] = [memberIdField('The member UUID, as in the member_id of a FaithFlow webhook event')];

/** `GET /api/members/{member_id}`: the member as the core API returns it. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const memberId = String(this.getNodeParameter('memberId', itemIndex) ?? '');
	return await fetchMember(this, memberId, { itemIndex });
}
