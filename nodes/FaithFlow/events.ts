/** Member events in the FaithFlow Enterprise Webhook Integration Guide, "Event Types", in the spec's order. */
export const FAITHFLOW_EVENTS = {
	'member.created': 'New member created',
	'member.updated': 'Member data changed',
	'member.deleted': 'Member deactivated/deleted',
} as const;

export type FaithFlowEventName = keyof typeof FAITHFLOW_EVENTS;

export const FAITHFLOW_EVENT_NAMES = Object.keys(FAITHFLOW_EVENTS) as FaithFlowEventName[];

/**
 * The spec's connection tests: "use event_type: test or ping - returns success
 * without syncing". Answered with success, emitted only when the user asks.
 */
export const FAITHFLOW_CONNECTION_TESTS = {
	test: 'Test webhook connection',
	ping: 'Test webhook connection (ping)',
} as const;

export type FaithFlowConnectionTestName = keyof typeof FAITHFLOW_CONNECTION_TESTS;

export const FAITHFLOW_CONNECTION_TEST_NAMES = Object.keys(FAITHFLOW_CONNECTION_TESTS) as FaithFlowConnectionTestName[];

/** Every `member.*` event, known or future, must name the member it concerns. */
export const MEMBER_EVENT_PREFIX = 'member.';
