import { z, type ZodTypeAny } from 'zod';

import { forEachEvent } from '../shared/catalogue';
import {
	FAITHFLOW_CONNECTION_TEST_NAMES,
	FAITHFLOW_EVENT_NAMES,
	type FaithFlowConnectionTestName,
	type FaithFlowEventName,
} from './events';

/**
 * Payload shapes from the FaithFlow Enterprise Webhook Integration Guide, "Payload Format":
 * `event_type` (required), `church_id` or `campus_id` (one of them required),
 * `member_id` (required for member events), `timestamp` (optional ISO 8601).
 * Unknown fields pass through so additions by FaithFlow are kept.
 */
const identifier = z.string().min(1);

/** ISO 8601 with or without an offset: Python's `isoformat()` of a naive UTC time has none. */
export const isoTimestamp = z.string().datetime({ offset: true, local: true });

function hasCampus(payload: { church_id?: string; campus_id?: string }): boolean {
	return payload.church_id !== undefined || payload.campus_id !== undefined;
}

const campusRequired = {
	message: 'Either church_id or campus_id is required',
	path: ['church_id'],
};

function delivery(eventType: string, memberId: ZodTypeAny) {
	return z
		.object({
			event_type: z.literal(eventType),
			church_id: identifier.optional(),
			campus_id: identifier.optional(),
			member_id: memberId,
			timestamp: isoTimestamp.optional(),
		})
		.passthrough()
		.refine(hasCampus, campusRequired)
		.describe(campusRequired.message);
}

export const FAITHFLOW_SCHEMAS = forEachEvent<FaithFlowEventName, ZodTypeAny>(FAITHFLOW_EVENT_NAMES, (event) =>
	delivery(event, identifier),
);

export const FAITHFLOW_CONNECTION_TEST_SCHEMAS = forEachEvent<FaithFlowConnectionTestName, ZodTypeAny>(
	FAITHFLOW_CONNECTION_TEST_NAMES,
	(event) => delivery(event, identifier.optional()),
);
