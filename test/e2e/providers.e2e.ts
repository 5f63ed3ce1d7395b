/* eslint-disable @typescript-eslint/no-explicit-any -- test code runs under jest on a developer machine, not inside n8n */
/**
 * Every provider's trigger inside a real n8n, loaded from the packed package:
 * published workflows, deliveries over n8n's own HTTP stack, executions read
 * back through n8n's public API.
 */
import { randomBytes } from 'node:crypto';

import type { ProviderDefinition, EventDefinition } from '../../nodes/shared/provider';
import { reject, type RejectionReason } from '../../nodes/shared/verification/verdict';
import { discoverProviders, payloadOf, triggerCredentialFor } from '../support/providers';
import { post } from '../support/post';
import { buildDelivery, type SendOptions } from '../tools/send-event';
import { getSharedN8n, publishTriggerWorkflow, type N8nInstance } from './harness';

/** Provider-specific node parameters the e2e needs (n8n sees us from 127.0.0.1, not from eSahayak). */
const EXTRA_PARAMETERS: Record<string, Record<string, unknown>> = {
	// n8n is "behind one proxy" here: the test client writes the X-Forwarded-For a proxy would.
	esahayak: { trustedProxyHops: 1 },
};
const PROVIDER_ADDRESS = '52.66.123.10';

function statusFor(provider: ProviderDefinition, reason: RejectionReason): number {
	return provider.replies.rejected(reject(reason, 'e2e')).status;
}

/** The trigger's item as sent by the provider (its `_deliveryId` checked and left out). */
function triggerOutput(execution: any): unknown {
	return payloadOf(execution.data?.resultData?.runData?.Trigger?.[0]?.data?.main?.[0]?.[0]?.json ?? {});
}

const cases = discoverProviders()
	// Rishi registers itself with its API on activation; it has its own e2e file with a fake Rishi API.
	.filter(({ provider }) => !provider.subscriptions || provider.subscriptions.assumed)
	.map((entry) => [entry.provider.displayName, entry] as const);

describe.each(cases)('%s trigger in a real n8n', (_name, { folder, provider }) => {
	let n8n: N8nInstance;
	let workflowId: string;
	let url: string;
	const secret = randomBytes(16).toString('hex');
	const selected = provider.events.slice(0, 2);
	const unselected = provider.events.find((event) => !selected.includes(event)) as EventDefinition;
	const isSigned = provider.authentication.kind === 'hmac-sha256';
	let accepted = 0;

	const send = async (event: EventDefinition, mode: SendOptions['mode'], extra: Partial<SendOptions> = {}) => {
		const options: SendOptions = { url, secret, mode, contentType: 'application/json', ...extra };
		if (!isSigned) options.forwardedFor ??= PROVIDER_ADDRESS;
		const { body, headers } = buildDelivery(provider, event, options);
		if (options.contentType === '') delete headers['content-type'];
		return await post(url, body, headers);
	};

	beforeAll(async () => {
		n8n = getSharedN8n();
		const triggerModule = (await import(`../../nodes/${folder}/${folder}Trigger.node`)) as Record<string, new () => any>;
		const trigger = new (Object.values(triggerModule)[0])();
		const credential = triggerCredentialFor(provider, { signingSecret: secret });
		({ workflowId, url } = await publishTriggerWorkflow(n8n, {
			name: `e2e ${provider.key}`,
			nodeName: trigger.description.name,
			credentialType: credential.type,
			credentialData: credential.data,
			parameters: { events: selected.map((event) => event.name), ...(EXTRA_PARAMETERS[provider.key] ?? {}) },
		}));
	});

	afterAll(async () => {
		if (workflowId) await n8n.deleteWorkflow(workflowId).catch(() => undefined);
	});

	it('emits each selected event exactly as sent', async () => {
		for (const event of selected) {
			const response = await send(event, 'signed');
			expect(response.status).toBeGreaterThanOrEqual(200);
			expect(response.status).toBeLessThan(300);
			accepted++;
		}
		const executions = await n8n.waitForExecutions(workflowId, accepted);
		const outputs = executions.map(triggerOutput);
		for (const event of selected) expect(outputs).toContainEqual(event.sample);
	});

	it.each([
		['with a charset', 'application/json; charset=utf-8'],
		['as a vendor +json type', 'application/vnd.provider+json'],
		['without a Content-Type', ''],
	])('verifies a delivery sent %s', async (_label, contentType) => {
		const response = await send(selected[0], 'signed', { contentType });
		expect(response.status).toBeLessThan(300);
		accepted++;
		await n8n.waitForExecutions(workflowId, accepted);
	});

	it('acknowledges an unselected event and refuses forged, stale and unsigned deliveries without an execution', async () => {
		const unselectedResponse = await send(unselected, 'signed');
		expect(unselectedResponse.status).toBeLessThan(300);
		if (isSigned) {
			expect((await send(selected[0], 'forged')).status).toBe(statusFor(provider, 'signature_mismatch'));
			expect((await send(selected[0], 'unsigned')).status).toBe(statusFor(provider, 'missing_signature'));
			const scheme = provider.authentication;
			if (scheme.kind === 'hmac-sha256' && scheme.timestamp) {
				expect((await send(selected[0], 'stale')).status).toBe(statusFor(provider, 'stale_timestamp'));
			}
		} else {
			expect((await send(selected[0], 'signed', { forwardedFor: '198.51.100.7' })).status).toBe(
				statusFor(provider, 'ip_not_allowed'),
			);
		}
		const notJson = await post(url, 'not json', { 'content-type': 'application/json' });
		expect(notJson.status).toBeGreaterThanOrEqual(400);
		// Refusals answer before an execution could start, so a stray one would appear
		// later. Instead of a pause, a barrier: one more accepted delivery, sent after every
		// refusal was answered. Once its execution is recorded and finished, a stray
		// execution of an earlier request would be listed too.
		const barrier = await send(selected[0], 'signed');
		expect(barrier.status).toBeLessThan(300);
		accepted++;
		await n8n.waitForExecutions(workflowId, accepted);
		expect((await n8n.listExecutions(workflowId, { includeData: false })).length).toBe(accepted);
	});
});
