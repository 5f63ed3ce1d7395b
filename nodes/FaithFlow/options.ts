import type { INodeProperties } from 'n8n-workflow';

/**
 * FaithTracker answers 404 for a campus it has no sync for and 403 when sync
 * is disabled for the campus. Here the workflow plays FaithTracker, so both
 * are trigger options; `checkDelivery` reads them by these names.
 */
export const CAMPUS_IDS_OPTION = 'campusIds';
export const PAUSE_SYNC_OPTION = 'pauseSync';
/** Read from the trigger settings when a delivery is accepted, before n8n answers FaithFlow (see attachMember.ts). */
export const ATTACH_MEMBER_OPTION = 'attachFullMember';

export const FAITHFLOW_OPTIONS: INodeProperties[] = [
	{
		displayName: 'Attach Full Member',
		name: ATTACH_MEMBER_OPTION,
		type: 'boolean',
		default: false,
		description:
			"Whether to fetch each created or updated member from the FaithFlow core API (GET /api/members/{member_id}, with the credential's Base URL and API Key) and add it to the item under member. FaithFlow gets its answer first; if the fetch fails, the event is still emitted, with memberFetchError.",
	},
	{
		displayName: 'Campus IDs',
		name: CAMPUS_IDS_OPTION,
		type: 'string',
		default: '',
		placeholder: 'e.g. 3880a17d-f858-4622-87c2-96eaa7b25c83',
		description:
			'The FaithFlow church or campus IDs this workflow syncs, separated by commas. A delivery whose church_id or campus_id is not listed is answered 404 "Sync not configured for this campus". Empty accepts every campus.',
	},
	{
		displayName: 'Pause Sync',
		name: PAUSE_SYNC_OPTION,
		type: 'boolean',
		default: false,
		description:
			'Whether to refuse member events with 403 "Sync is disabled for this campus" instead of starting the workflow. Test and ping deliveries are still answered with success.',
	},
];

/** The configured campus IDs, lower-cased; empty means every campus. */
export function campusIdsFrom(value: unknown): string[] {
	if (typeof value !== 'string') return [];
	return value
		.split(/[\s,]+/)
		.map((entry) => entry.trim().toLowerCase())
		.filter((entry) => entry !== '');
}
