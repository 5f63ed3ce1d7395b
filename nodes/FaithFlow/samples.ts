import type { JsonObject } from '../shared/provider';
import type { FaithFlowConnectionTestName, FaithFlowEventName } from './events';

/**
 * The spec's own examples ("Event Types", "Examples"), field for field and in
 * the same order, so `JSON.stringify(sample)` is the compact JSON FaithFlow
 * signs. `ping` is not shown in the spec; it is the `test` example renamed.
 */
const church = '3880a17d-f858-4622-87c2-96eaa7b25c83';
const timestamp = '2025-11-20T01:40:00Z';

function memberEvent(eventType: FaithFlowEventName, memberId: string): JsonObject {
	return { event_type: eventType, church_id: church, member_id: memberId, timestamp };
}

export const FAITHFLOW_SAMPLES: Record<FaithFlowEventName, JsonObject> = {
	'member.created': memberEvent('member.created', 'new-member-uuid-here'),
	'member.updated': memberEvent('member.updated', '8655d76b-9be0-4681-bd2c-35cd5e09a809'),
	'member.deleted': memberEvent('member.deleted', 'deleted-member-uuid'),
};

export const FAITHFLOW_CONNECTION_TEST_SAMPLES: Record<FaithFlowConnectionTestName, JsonObject> = {
	test: { event_type: 'test', church_id: church, timestamp },
	ping: { event_type: 'ping', church_id: church, timestamp },
};
