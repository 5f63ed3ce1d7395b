import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { ProviderDefinition } from '../provider';
import { eventOptions } from './eventOptions';
import { N8N_BODY_PARSER_OFF } from './rawBodyWebhook';
import { subscriptionSetupProperties } from './subscriptionSetup';

/** Internal name of the Options collection (`options` itself is n8n's body-parser switch). */
export const OPTIONS_PARAMETER = 'deliveryOptions';

/** The trigger's Events options: what "All Events" means depends on who decides what the provider sends. */
function triggerEventOptions(provider: ProviderDefinition): INodePropertyOptions[] {
	return eventOptions(
		provider,
		provider.subscriptions && !provider.subscriptions.assumed
			? 'Every event listed below (the subscription names each one)'
			: 'Every event, including ones added by the provider later',
	);
}

function ipAllowlistProperties(provider: ProviderDefinition): INodeProperties[] {
	const scheme = provider.authentication;
	if (scheme.kind !== 'ip-allowlist') return [];
	return [
		{
			displayName: 'Restrict to Provider IP Ranges',
			name: 'restrictToProviderIps',
			type: 'boolean',
			default: true,
			description: `Whether to refuse deliveries that do not come from ${provider.displayName}'s published IP ranges. ${provider.displayName} does not sign its webhooks yet, so this is the only proof of origin.`,
		},
		{
			displayName: `Anyone who learns this webhook URL can send fake ${provider.displayName} events. Keep the IP restriction on unless a signature check is enabled below.`,
			name: 'ipRestrictionOffNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { restrictToProviderIps: [false] } },
		},
		{
			displayName: 'Allowed IP Ranges',
			name: 'allowedIpRanges',
			type: 'string',
			default: scheme.defaultRanges.join(', '),
			description: 'IPv4 or IPv6 addresses and CIDR ranges, separated by commas',
			displayOptions: { show: { restrictToProviderIps: [true] } },
		},
		{
			displayName: `Trying it from your own machine? Its address is not in these ranges, so what you send is refused with 403. While you test, add 127.0.0.1 to Allowed IP Ranges (and remove it afterwards), or turn the restriction off with Verify Signature on under Options.`,
			name: 'localTestingNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { restrictToProviderIps: [true] } },
		},
		{
			displayName: 'Trusted Proxy Hops',
			name: 'trustedProxyHops',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description:
				'How many reverse proxies in front of n8n append to X-Forwarded-For. 0 uses the connecting address and ignores the header, which any client can forge.',
			displayOptions: { show: { restrictToProviderIps: [true] } },
		},
	];
}

function optionalFields(provider: ProviderDefinition, extraOptions: INodeProperties[]): INodeProperties[] {
	const scheme = provider.authentication;
	const fields: INodeProperties[] = [
		...extraOptions,
		{
			displayName: 'Include Request Headers',
			name: 'includeHeaders',
			type: 'boolean',
			default: false,
			description: 'Whether to add the delivery headers to the item under _headers (signature headers are redacted)',
		},
		{
			displayName: 'Max Body Size (MiB)',
			name: 'maxBodySize',
			type: 'number',
			typeOptions: { minValue: 0.001, numberPrecision: 3 },
			// A literal, as n8n's lint wants: DEFAULT_MAX_BODY_MIB in pipeline/settings.ts.
			default: 10,
			description:
				"Bodies larger than this are refused with 413 before they are read or verified. n8n's own limit (N8N_PAYLOAD_SIZE_MAX, 16 MiB by default) still applies above it.",
		},
		{
			displayName: 'On Invalid Payload',
			name: 'invalidPayload',
			type: 'options',
			default: 'emitWithErrors',
			description: 'What to do with an authentic delivery whose body does not match the event schema',
			options: [
				{
					name: 'Emit As Is',
					value: 'emitAsIs',
					description: 'Emit the payload without checking it',
				},
				{
					name: 'Emit With Validation Errors',
					value: 'emitWithErrors',
					description: 'Emit the payload with the problems listed under _validationErrors',
				},
				{
					name: 'Reject With 400',
					value: 'reject',
					description: 'Refuse the delivery; the provider sees a 400 response',
				},
			],
		},
	];
	fields.push({
		displayName: 'Ignore Duplicate Deliveries',
		name: 'ignoreDuplicates',
		type: 'boolean',
		default: false,
		description: `Whether to acknowledge, without starting the workflow again, a delivery already recorded in the last 24 hours (the last 1000 are remembered), keyed by ${provider.deliveryIdOf ? `the ${provider.displayName} event ID` : 'a SHA-256 of the exact body'}. Every item carries the key in _deliveryId for n8n's Remove Duplicates node.`,
	});
	if (scheme.kind === 'hmac-sha256' && scheme.timestamp) {
		fields.push({
			displayName: 'Replay Tolerance (Seconds)',
			name: 'replayToleranceSeconds',
			type: 'number',
			typeOptions: { minValue: 1 },
			// A literal, as n8n's lint wants; every timestamped provider so far allows 5 minutes.
			default: 300,
			description: "How far the signed timestamp may be from this server's clock, in either direction",
		});
	}
	if (provider.connectionTestEvents?.length) {
		fields.push({
			displayName: 'Emit Connection Tests',
			name: 'emitConnectionTests',
			type: 'boolean',
			default: false,
			description: `Whether ${provider.connectionTestEvents.map((event) => event.name).join('/')} deliveries start the workflow. They are always answered with success.`,
		});
	}
	if (scheme.kind === 'ip-allowlist') {
		fields.push(
			{
				displayName: 'Verify Signature',
				name: 'verifySignature',
				type: 'boolean',
				default: false,
				description: `Whether to require an HMAC-SHA256 signature (hex, optional "sha256=" prefix) made with the credential's signing secret, once ${provider.displayName} sends one`,
			},
			{
				displayName: 'Verify Signature Header',
				name: 'signatureHeader',
				type: 'string',
				default: '',
				placeholder: scheme.optionalHmac.signatureHeader,
				description: `Header that carries the signature when Verify Signature is on (empty means ${scheme.optionalHmac.signatureHeader})`,
			},
		);
	}
	return fields.sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/**
 * The trigger's parameters, derived from the provider's definition.
 * `extraOptions` are provider-specific entries of the Options collection; their
 * values reach `ProviderDefinition.checkDelivery` as `options`.
 */
export function triggerProperties(provider: ProviderDefinition, extraOptions: INodeProperties[] = []): INodeProperties[] {
	return [
		N8N_BODY_PARSER_OFF,
		...subscriptionSetupProperties(provider),
		{
			displayName: 'Events',
			name: 'events',
			type: 'multiOptions',
			required: true,
			default: [],
			description: 'The events to start the workflow on. Other events are acknowledged and ignored.',
			options: triggerEventOptions(provider),
		},
		...ipAllowlistProperties(provider),
		{
			displayName: 'Options',
			name: OPTIONS_PARAMETER,
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: optionalFields(provider, extraOptions),
		},
	];
}
