import type { JsonObject } from '../shared/provider';
import type { ESahayakEventName } from './events';

/**
 * One delivery per event. stamp.uploaded is the spec's own example, verbatim;
 * the others follow its structure with the fields the guide's handlers read
 * (`error.message`, `delivery`, `cancellation.reason`).
 */
const stampRequest = {
	id: 'stamp_67890',
	state: 'Assam',
	amount: 1000,
	article_code: 'AS-RG-4',
	provider: 'SHCIL',
};

export const ESAHAYAK_SAMPLES: Record<ESahayakEventName, JsonObject> = {
	'stamp.uploaded': {
		id: 'webhook_unique_id',
		type: 'stamp.uploaded',
		created_at: '2024-01-15T10:30:00Z',
		data: {
			order: {
				id: 'order_12345',
				status: 'COMPLETED',
				created_at: '2024-01-15T10:00:00Z',
			},
			stamp_request: stampRequest,
		},
	},
	'stamp.failed': {
		id: 'webhook_12346',
		type: 'stamp.failed',
		created_at: '2024-01-15T11:05:00Z',
		data: {
			order: { id: 'order_12346', status: 'FAILED', created_at: '2024-01-15T11:00:00Z' },
			stamp_request: { ...stampRequest, id: 'stamp_67891' },
			error: { message: 'Government portal is not responding' },
		},
	},
	'order.delivered': {
		id: 'webhook_12347',
		type: 'order.delivered',
		created_at: '2024-01-18T14:20:00Z',
		data: {
			order: { id: 'order_12345', status: 'DELIVERED', created_at: '2024-01-15T10:00:00Z' },
			stamp_request: stampRequest,
			delivery: {
				partner: 'India Post',
				tracking_number: 'EK123456789IN',
				delivered_at: '2024-01-18T14:05:00Z',
			},
		},
	},
	'order.cancelled': {
		id: 'webhook_12348',
		type: 'order.cancelled',
		created_at: '2024-01-16T09:15:00Z',
		data: {
			order: { id: 'order_12349', status: 'CANCELLED', created_at: '2024-01-16T09:00:00Z' },
			stamp_request: { ...stampRequest, id: 'stamp_67892' },
			cancellation: { reason: 'Stamp paper of this denomination is not available' },
		},
	},
};
