import type { INodeProperties } from 'n8n-workflow';

/** A FaithFlow member UUID, as in the `member_id` of its webhook events; `description` says what it is used for. */
export function memberIdField(description: string): INodeProperties {
	return {
		displayName: 'Member ID',
		name: 'memberId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 8655d76b-9be0-4681-bd2c-35cd5e09a809',
		description,
	};
}
