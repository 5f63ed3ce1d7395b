/**
 * The texts the FaithFlow Enterprise Webhook Integration Guide prints, written out by hand (nothing
 * imported from the code under test), for the FaithFlow tests and fakes.
 */

/** The spec's examples as FaithFlow sends them: `json.dumps(payload, separators=(',', ':'))`. */
export const SPEC_BODIES = {
	'member.updated':
		'{"event_type":"member.updated","church_id":"3880a17d-f858-4622-87c2-96eaa7b25c83","member_id":"8655d76b-9be0-4681-bd2c-35cd5e09a809","timestamp":"2025-11-20T01:40:00Z"}',
	'member.created':
		'{"event_type":"member.created","church_id":"3880a17d-f858-4622-87c2-96eaa7b25c83","member_id":"new-member-uuid-here","timestamp":"2025-11-20T01:40:00Z"}',
	'member.deleted':
		'{"event_type":"member.deleted","church_id":"3880a17d-f858-4622-87c2-96eaa7b25c83","member_id":"deleted-member-uuid","timestamp":"2025-11-20T01:40:00Z"}',
	test: '{"event_type":"test","church_id":"3880a17d-f858-4622-87c2-96eaa7b25c83","timestamp":"2025-11-20T01:40:00Z"}',
	// Not printed in the spec ("test or ping"): the test example with the other name.
	ping: '{"event_type":"ping","church_id":"3880a17d-f858-4622-87c2-96eaa7b25c83","timestamp":"2025-11-20T01:40:00Z"}',
} as const;

/** FaithTracker's answer to a test or ping event. */
export const TEST_MESSAGE = 'Webhook test successful! FaithTracker is ready to receive member updates.';
