/**
 * The package as a user installs it (Settings → Community Nodes puts it in
 * the user folder's .n8n/nodes/node_modules), not through
 * N8N_CUSTOM_EXTENSIONS as the other e2e files load it: n8n registers the
 * nodes as `<package>.<name>`, and only for such a package does it map a
 * credential to the node whose `testedBy` tests it.
 */
import { randomBytes } from 'node:crypto';

import { judgeSigningSecret } from '../../nodes/shared/n8n/signingSecretTest';
import { reject } from '../../nodes/shared/verification/verdict';
import { post } from '../support/post';
import { discoverProviders, loadProviderNodes, payloadOf, signedHeaders, triggerCredentialFor } from '../support/providers';
import { bootN8n, publishTriggerWorkflow, type N8nInstance } from './harness';

const providers = discoverProviders();

describe('installed as a community package', () => {
	let n8n: N8nInstance;

	beforeAll(async () => {
		n8n = await bootN8n({ label: 'community-package', loadAs: 'communityPackage' });
	}, 300_000);

	afterAll(async () => {
		await n8n?.stop();
	});

	it('registers every node and credential under the package name', async () => {
		const nodeNames = (await n8n.nodeTypes()).map((type) => type.name);
		const credentialNames = (await n8n.rest<Array<{ name: string }>>('GET', '/types/credentials.json')).map((type) => type.name);
		for (const { folder, provider } of providers) {
			const nodes = loadProviderNodes(folder, provider);
			const names = [nodes.trigger(), ...(nodes.action ? [nodes.action()] : [])].map((node) => `${n8n.state.nodeTypePrefix}.${node.description.name}`);
			expect(nodeNames).toEqual(expect.arrayContaining(names));
			expect(credentialNames).toEqual(expect.arrayContaining([provider.credentialName, provider.signingSecretCredentialName]));
		}
	}, 120_000);

	// What the editor's "Test" button does: n8n finds the trigger that names the credential in `testedBy`.
	it.each(providers.map((entry) => [entry.provider.displayName, entry.provider] as const))(
		'tests a %s Signing Secret API credential green with a secret and red without one, calling nothing',
		async (_name, provider) => {
			const test = async (signingSecret: string) =>
				(
					await n8n.rest<{ data: { status: string; message: string } }>('POST', '/rest/credentials/test', {
						body: { credentials: { id: '', name: 'signing secret', type: provider.signingSecretCredentialName, data: { signingSecret } } },
					})
				).data;
			expect(await test('typed-by-hand')).toEqual(judgeSigningSecret(provider, { signingSecret: 'typed-by-hand' }));
			expect(await test('')).toEqual(judgeSigningSecret(provider, { signingSecret: '' }));
		},
	);

	it('runs a trigger with a secret-only credential: a signed delivery is recorded, a forged one refused', async () => {
		const { folder, provider } = providers.find((entry) => entry.provider.authentication.kind === 'hmac-sha256' && entry.provider.subscriptions?.assumed) ?? providers[0];
		const secret = randomBytes(16).toString('hex');
		const credential = triggerCredentialFor(provider, { signingSecret: secret }, { setup: 'manual' });
		expect(credential.type).toBe(provider.signingSecretCredentialName);
		const { workflowId, url } = await publishTriggerWorkflow(n8n, {
			name: 'community package',
			nodeName: loadProviderNodes(folder, provider).trigger().description.name,
			nodeTypePrefix: n8n.state.nodeTypePrefix,
			credentialType: credential.type,
			credentialData: credential.data,
			parameters: { events: ['*'], setup: 'manual' },
		});
		const event = provider.events[0];
		const body = JSON.stringify(event.sample);
		const extra = provider.deliveryHeaders?.(event, event.sample) ?? {};

		const forged = await post(url, body, { ...signedHeaders(provider, body, 'not-the-secret'), ...extra });
		expect({ status: forged.status, body: forged.json }).toEqual(provider.replies.rejected(reject('signature_mismatch', '')));

		const signed = await post(url, body, { ...signedHeaders(provider, body, secret), ...extra });
		expect(signed.status).toBe(200);
		const [execution] = await n8n.waitForExecutions(workflowId, 1);
		const full = (await n8n.listExecutions(workflowId, { includeData: true })).find((candidate) => candidate.id === execution.id);
		const item = (full as { data?: { resultData?: { runData?: Record<string, Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }>> } }>> } } })
			?.data?.resultData?.runData?.Trigger?.[0]?.data?.main?.[0]?.[0]?.json;
		expect(payloadOf(item ?? {})).toEqual(event.sample);
	}, 120_000);
});
