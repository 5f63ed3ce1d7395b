import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { FaithTrackerEvent } from '../faithTracker';
import { isoTimestamp } from '../../schemas';

/** Fields every FaithTracker operation sends: the church, and the options of the envelope. */
export const commonFields: INodeProperties[] = [
	{
		displayName: 'Church ID',
		name: 'churchId',
		type: 'string',
		default: '',
		placeholder: 'e.g. 3880a17d-f858-4622-87c2-96eaa7b25c83',
		description:
			"The FaithFlow church ID FaithTracker syncs, sent as church_id (or campus_id, see Options). Leave empty to use the credential's Church ID.",
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Send Church ID As',
				name: 'idField',
				type: 'options',
				default: 'church_id',
				description: 'FaithTracker accepts the church identifier under either name',
				options: [
					{ name: 'Church ID', value: 'church_id', description: 'Send the ID as church_id, as in the spec examples' },
					{ name: 'Campus ID', value: 'campus_id', description: 'Send the ID as campus_id' },
				],
			},
			{
				displayName: 'Timestamp',
				name: 'timestamp',
				type: 'dateTime',
				default: '',
				description: 'When the change happened, in ISO 8601. Empty means now, in UTC (e.g. 2025-11-20T01:40:00Z).',
			},
		],
	},
];

/** The spec's own timestamp style: UTC, whole seconds, `Z`. */
export function specTimestamp(now: Date): string {
	return now.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function timestampFrom(context: IExecuteFunctions, value: unknown, itemIndex: number): string {
	if (value === undefined || value === null || value === '') return specTimestamp(new Date());
	let text: string | undefined;
	if (typeof value === 'string') text = value.trim();
	else if (value instanceof Date) text = value.toISOString();
	else if (typeof value === 'object' && typeof (value as { toISO?: unknown }).toISO === 'function') {
		// A Luxon DateTime, e.g. from {{ $now }}.
		text = String((value as { toISO: () => string }).toISO());
	}
	if (text === undefined || !isoTimestamp.safeParse(text).success) {
		throw new NodeOperationError(context.getNode(), 'The timestamp is not an ISO 8601 date and time', {
			itemIndex,
			description: 'Use a value like 2025-11-20T01:40:00Z, or leave Timestamp empty to send the current time.',
			level: 'warning',
		});
	}
	return text;
}

/** The envelope of one item's event, read from the node's parameters. */
export function readEvent(
	context: IExecuteFunctions,
	itemIndex: number,
	eventType: string,
	memberId?: string,
): FaithTrackerEvent {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return {
		eventType,
		churchId: String(context.getNodeParameter('churchId', itemIndex, '') ?? ''),
		idField: options.idField === 'campus_id' ? 'campus_id' : 'church_id',
		memberId,
		timestamp: timestampFrom(context, options.timestamp, itemIndex),
	};
}
