/* eslint-disable @typescript-eslint/no-explicit-any -- test code runs under jest on a developer machine, not inside n8n */
/**
 * What every per-provider e2e case needs, whichever n8n it runs on (the e2e,
 * e2e-queue and e2e-n8n1 projects): the providers, a published workflow for a
 * provider's trigger, a delivery as the provider sends it, the answer a
 * refusal must get, and the trigger's item read back from an execution.
 */
import type { EventDefinition, ProviderDefinition } from '../../../nodes/shared/provider';
import { reject, type RejectionReason } from '../../../nodes/shared/verification/verdict';
import { discoverProviders, payloadOf, triggerCredentialFor, type DiscoveredProvider } from '../../support/providers';
import { buildDelivery, type SendOptions } from '../../tools/send-event';
import type { N8nClient } from './client';
import { publishTriggerWorkflow, type TriggerWorkflow } from './triggerWorkflow';

/** Provider-specific node parameters the e2e needs (n8n sees us from 127.0.0.1, not from eSahayak). */
const EXTRA_PARAMETERS: Record<string, Record<string, unknown>> = {
	// n8n is "behind one proxy" here: the test client writes the X-Forwarded-For a proxy would.
	esahayak: { trustedProxyHops: 1 },
};

/** An address in eSahayak's allowlist, written as the proxy's X-Forwarded-For. */
export const PROVIDER_ADDRESS = '52.66.123.10';

/** Every provider, as jest `describe.each` rows: `[displayName, { folder, provider }]`. */
export function allProviderCases(): Array<readonly [string, DiscoveredProvider]> {
	return discoverProviders().map((entry) => [entry.provider.displayName, entry] as const);
}

/** True for a provider whose trigger registers itself with the provider's API when published (Rishi): it needs that API. */
export function registersItself(provider: ProviderDefinition): boolean {
	return provider.subscriptions !== undefined && !provider.subscriptions.assumed;
}

/** The providers whose trigger publishes with a fixed secret and no API (Rishi has e2e cases of its own, with a fake Rishi API). */
export function staticSecretProviderCases(): Array<readonly [string, DiscoveredProvider]> {
	return allProviderCases().filter(([, { provider }]) => !registersItself(provider));
}

/** The status the spec gives a refusal for `reason`. */
export function statusFor(provider: ProviderDefinition, reason: RejectionReason): number {
	return provider.replies.rejected(reject(reason, 'e2e')).status;
}

/** A JSON answer compared without the clock: ISO timestamps in it become "<time>". */
export function withoutTimes(json: unknown): unknown {
	return JSON.parse(JSON.stringify(json).replace(/\d{4}-\d\d-\d\dT[\d:.]+(Z|[+-]\d\d:\d\d)/g, '<time>'));
}

/** The trigger's item as sent by the provider (its `_deliveryId` checked and left out). */
export function triggerOutput(execution: any): unknown {
	return payloadOf(execution.data?.resultData?.runData?.Trigger?.[0]?.data?.main?.[0]?.[0]?.json ?? {});
}

/**
 * Body and headers of one delivery of `event`, as the provider sends it (or
 * forged, stale, unsigned: `options.mode`). Deliveries of an IP-allowlisted
 * provider come from its address unless `forwardedFor` says otherwise; an
 * empty `contentType` sends none.
 */
export function providerDelivery(provider: ProviderDefinition, event: EventDefinition, options: SendOptions): { body: Buffer; headers: Record<string, string> } {
	const sendOptions = { ...options };
	if (provider.authentication.kind !== 'hmac-sha256') sendOptions.forwardedFor ??= PROVIDER_ADDRESS;
	const { body, headers } = buildDelivery(provider, event, sendOptions);
	if (sendOptions.contentType === '') delete headers['content-type'];
	return { body, headers };
}

export interface ProviderWorkflowOptions {
	/** Workflow and credential name. */
	name: string;
	/** The signing secret the credential holds (empty for a trigger that generates its own). */
	secret: string;
	/** The events the trigger listens for. */
	events: string[];
	/** Base URL and API key of the provider's API, for a trigger that registers itself (default: a closed port). */
	api?: { baseUrl: string; apiKey: string };
}

/** Publishes `<trigger of folder>` → NoOp with a credential of the provider; returns the workflow id and production URL. */
export async function publishProviderTrigger(n8n: N8nClient, { folder, provider }: DiscoveredProvider, options: ProviderWorkflowOptions): Promise<TriggerWorkflow> {
	const triggerModule = (await import(`../../../nodes/${folder}/${folder}Trigger.node`)) as Record<string, new () => any>;
	const trigger = new (Object.values(triggerModule)[0])();
	const credential = triggerCredentialFor(provider, { signingSecret: options.secret }, { api: options.api });
	return await publishTriggerWorkflow(n8n, {
		name: options.name,
		nodeName: trigger.description.name,
		credentialType: credential.type,
		credentialData: credential.data,
		parameters: { events: options.events, ...(EXTRA_PARAMETERS[provider.key] ?? {}) },
	});
}
