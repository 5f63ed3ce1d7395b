import type { ICredentialTestRequest, ICredentialType, IAuthenticate, INodeProperties } from 'n8n-workflow';

import { signFaithTrackerRequest } from '../nodes/FaithFlow/FaithTracker/signing';

/**
 * For n8n playing the FaithFlow core system: where FaithTracker receives
 * member events and the secret they are signed with (the FaithFlow Enterprise Webhook Integration Guide).
 * FaithTracker wants an HMAC of the exact body, so `authenticate` is a function
 * that signs each request's bytes; the test sends the spec's connection test.
 */
export class FaithTrackerApi implements ICredentialType {
	name = 'faithTrackerApi';

	displayName = 'FaithTracker Webhook API';

	icon = {
		light: 'file:../nodes/FaithFlow/FaithTracker/faithtracker.svg',
		dark: 'file:../nodes/FaithFlow/FaithTracker/faithtracker.dark.svg',
	} as const;

	documentationUrl = 'https://github.com/n8n-nodes-webhook-connectors/n8n-nodes-webhook-connectors#faithflow';

	properties: INodeProperties[] = [
		{
			displayName: 'Webhook URL',
			name: 'webhookUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://your-faithtracker-domain.com/api/sync/webhook',
			description: "FaithTracker's Webhook URL, from Settings > API Sync in FaithTracker",
		},
		{
			displayName: 'Webhook Secret',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The Webhook Secret from FaithTracker (Settings > API Sync > Active Sync Configuration). Every request is signed with it (HMAC-SHA256 in X-Webhook-Signature).',
		},
		{
			displayName: 'Church ID',
			name: 'churchId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 3880a17d-f858-4622-87c2-96eaa7b25c83',
			description:
				'The FaithFlow church ID FaithTracker syncs. The credential test sends a test event for it, and the FaithTracker node uses it when its own Church ID is empty.',
		},
	];

	authenticate: IAuthenticate = signFaithTrackerRequest;

	test: ICredentialTestRequest = {
		request: {
			method: 'POST',
			url: '={{$credentials.webhookUrl.trim()}}',
			body: { event_type: 'test', church_id: '={{$credentials.churchId.trim()}}' },
		},
		rules: [
			{
				type: 'responseCode',
				properties: { value: 401, message: 'Invalid webhook signature: check that the Webhook Secret is exactly the one in FaithTracker' },
			},
			{
				type: 'responseCode',
				properties: { value: 400, message: 'Missing campus_id in payload: enter the Church ID from FaithFlow' },
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message: 'Sync not configured for this campus: configure sync for this Church ID in FaithTracker, or check the Webhook URL',
				},
			},
			{
				type: 'responseCode',
				properties: { value: 403, message: 'Sync is disabled for this campus: enable member data sync in FaithTracker' },
			},
		],
	};
}
