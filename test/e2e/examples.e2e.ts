/* eslint-disable @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-explicit-any -- test code runs under jest on a developer machine, not inside n8n */
/**
 * The example workflows under examples/ in a real n8n: each is imported as a
 * user would (with a credential chosen for its trigger), published, and
 * proves it works with one signed delivery that starts one execution.
 * Here the package is loaded as a custom extension, so its node types are
 * `CUSTOM.<name>` rather than the published `n8n-nodes-webhook-connectors.<name>`.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { discoverProviders, triggerCredentialFor } from '../support/providers';
import { post } from '../support/post';
import { buildDelivery } from '../tools/send-event';
import { getSharedN8n, REPO_ROOT, type N8nInstance } from './harness';

const PACKAGE = 'n8n-nodes-webhook-connectors';
/** n8n sees the test client at 127.0.0.1: an allowlisted provider's address travels in X-Forwarded-For. */
const PROVIDER_ADDRESS = '52.66.123.10';

const cases = discoverProviders().map((entry) => [entry.provider.key, entry] as const);

describe.each(cases)('examples/%s.json in a real n8n', (key, { provider }) => {
	let n8n: N8nInstance;
	let workflowId: string | undefined;

	beforeAll(() => {
		n8n = getSharedN8n();
	});
	afterAll(async () => {
		if (workflowId) await n8n.deleteWorkflow(workflowId).catch(() => undefined);
	});

	it('imports, publishes, and runs on a signed delivery of a selected event', async () => {
		const example = JSON.parse(readFileSync(join(REPO_ROOT, 'examples', `${key}.json`), 'utf8'));
		const trigger = example.nodes.find((node: any) => node.type.startsWith(`${PACKAGE}.`));
		const secret = randomBytes(16).toString('hex');
		const { type: credentialType, data } = triggerCredentialFor(provider, { signingSecret: secret }, { setup: trigger.parameters.setup });
		const credential = await n8n.api<{ id: string }>('POST', '/credentials', { body: { name: `example ${key}`, type: credentialType, data } });
		trigger.type = trigger.type.replace(`${PACKAGE}.`, 'CUSTOM.');
		trigger.credentials = { [credentialType]: { id: credential.id, name: `example ${key}` } };
		const unsigned = provider.authentication.kind === 'ip-allowlist';
		// The one change the example needs on loopback: n8n stands "behind one proxy" for the allowlist.
		if (unsigned) trigger.parameters.trustedProxyHops = 1;

		const workflow = await n8n.createWorkflow({ ...example, name: `e2e ${example.name}` });
		workflowId = workflow.id;
		await n8n.publishWorkflow(workflow.id);
		const url = await n8n.productionWebhookUrl(workflow, trigger.name);

		const event = provider.events.find((entry) => entry.name === trigger.parameters.events[0])!;
		const { body, headers } = buildDelivery(provider, event, {
			url,
			secret,
			mode: 'signed',
			contentType: 'application/json',
			...(unsigned ? { forwardedFor: PROVIDER_ADDRESS } : {}),
		});
		const response = await post(url, body, headers);
		expect(response.status).toBe(200);
		const [execution] = await n8n.waitForExecutions(workflow.id, 1);
		expect(execution.status).toBe('success');
	});
});
