import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { z } from 'zod';

import { fetchMember } from '../../coreApi';
import { memberIdField } from '../../memberIdField';

export const properties: INodeProperties[] = [memberIdField('The member UUID, as in the member_id of a FaithFlow webhook event')];

/**
 * The guide documents no member body, only that FaithTracker takes a member's
 * name, phone, gender, birth date and photo from it: the ID is what is
 * promised, everything FaithFlow sends is passed on.
 */
export const output = z.object({ id: z.string().describe('The member UUID') }).passthrough();

/** `GET /api/members/{member_id}`: the member as the core API returns it. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const memberId = String(this.getNodeParameter('memberId', itemIndex) ?? '');
	return await fetchMember(this, memberId, { itemIndex });
}
