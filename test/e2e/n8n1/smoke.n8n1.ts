/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-hardcoded-secrets -- test code runs under jest on a developer machine, not inside n8n */
/**
 * The package on n8n 1.x (targets.ts: N8N_1, Node 20, legacy expression engine),
 * loaded from the packed tarball like on n8n 2: every node type and credential
 * registers (with the host's zod) and has an icon n8n serves; for every
 * provider one refusal gets the spec's status and body and starts nothing, and
 * one signed delivery is emitted and read back from its execution through
 * n8n's public API. Rishi's trigger registers itself, here with a fake Rishi API.
 */
import * as fs from 'node:fs';
import { createServer } from 'node:http';
import * as path from 'node:path';

import { request } from 'undici';

import type { EventDefinition } from '../../../nodes/shared/provider';
import { startFakeSubscriptionApi, type FakeSubscriptionApi } from '../../support/fakeSubscriptionApi';
import { closeServer, listen } from '../../support/loopback';
import { post } from '../../support/post';
import { N8N_1, REPO_ROOT, assertNoZodAbove, getSharedN8n, hostZodPath, waitFor, type N8nInstance } from '../harness';
import { builtCredentialTypes, builtCredentials, builtCustomNodeTypes, unbuiltReason } from '../harness/packageNodes';
import { deliveryIdsIn } from '../harness/providerSender';
import {
	allProviderCases,
	providerDelivery,
	publishProviderTrigger,
	registersItself,
	statusFor,
	triggerOutput,
	withoutTimes,
} from '../harness/providerCases';

const API_KEY = 'n8n1-smoke-api-key';

describe(`n8n ${N8N_1.n8nVersion} on Node ${N8N_1.nodeMajor}`, () => {
	let n8n: N8nInstance;

	beforeAll(() => {
		n8n = getSharedN8n(N8N_1);
	});

	it('is the pinned n8n 1.x on Node 20, loading the packed package from outside the repo with the host zod', () => {
		expect(n8n.state.install.n8nVersion).toBe(N8N_1.n8nVersion);
		expect(n8n.state.install.nodeVersion).toMatch(new RegExp(`^${N8N_1.nodeMajor}\\.`));
		const packageDir = n8n.state.packageDir;
		expect(path.relative(REPO_ROOT, packageDir).startsWith('..')).toBe(true);
		// Nothing above the staged package supplies zod, so our nodes load only with n8n 1.x's own copy, a zod 3.
		expect(() => assertNoZodAbove(packageDir)).not.toThrow();
		const zod = hostZodPath(n8n.state.install.installDir);
		expect(zod.startsWith(n8n.state.install.installDir)).toBe(true);
		const zodManifest = path.join(zod.slice(0, zod.lastIndexOf(`${path.sep}zod${path.sep}`)), 'zod', 'package.json');
		expect((JSON.parse(fs.readFileSync(zodManifest, 'utf8')) as { version: string }).version).toMatch(/^3\./);
	});

	const reason = unbuiltReason();
	(reason ? it.skip : it)(`registers every node and credential of the package, each node with an icon n8n serves${reason ? ` (skipped: ${reason})` : ''}`, async () => {
		const loaded = await n8n.customNodeTypes();
		// (n8n adds a `<name>Tool` variant of each action node, which is usableAsTool.)
		expect(loaded.map((type) => type.name)).toEqual(expect.arrayContaining(builtCustomNodeTypes()));
		const credentialTypes = await n8n.rest<Array<{ name: string }>>('GET', '/types/credentials.json');
		expect(credentialTypes.map((type) => type.name)).toEqual(expect.arrayContaining(builtCredentialTypes()));

		// n8n turns our `file:` icons (light and dark) into URLs it serves from the package.
		const unserved: string[] = [];
		for (const type of loaded) {
			const iconUrl = type.iconUrl as string | { light: string; dark: string } | undefined;
			const urls = typeof iconUrl === 'string' ? [iconUrl] : iconUrl ? [iconUrl.light, iconUrl.dark] : [];
			if (urls.length === 0) unserved.push(`${type.name}: no iconUrl`);
			for (const url of urls) {
				const response = await request(`${n8n.baseUrl}/${url.replace(/^\//, '')}`);
				const text = await response.body.text();
				if (response.statusCode !== 200 || !text.includes('<svg')) unserved.push(`${type.name}: ${url} answers ${response.statusCode}`);
			}
		}
		expect(unserved).toEqual([]);
	});

	(reason ? it.skip : it)(`runs every credential's test request: OK when its API answers 200, an error on 401${reason ? ` (skipped: ${reason})` : ''}`, async () => {
		let status = 200;
		const seen: string[] = [];
		const api = createServer((request, response) => {
			seen.push(`${request.method} ${request.url}`);
			response.writeHead(status, { 'content-type': 'application/json' }).end(status === 200 ? '{"webhooks":[],"data":[]}' : '{"error":"Unauthorized"}');
		});
		const origin = await listen(api);
		try {
			const results: string[] = [];
			// A Signing Secret API credential has no request to run: the trigger tests it (`testedBy`), which n8n
			// resolves only for an installed community package (test/e2e/communityPackage.e2e.ts).
			for (const credential of builtCredentials().filter((candidate) => candidate.test !== undefined)) {
				// Every field at its default; the URL fields point at the loopback API, the others get a value.
				const data: Record<string, unknown> = {};
				for (const field of credential.properties) {
					if (field.type === 'notice') continue;
					if (field.name === 'baseUrl') data[field.name] = origin;
					else if (/url$/i.test(field.name)) data[field.name] = `${origin}/webhook`;
					else if (field.type === 'string' && !field.default) data[field.name] = `e2e-${field.name}`;
					else data[field.name] = field.default;
				}
				const { id } = await n8n.createCredential(`e2e-n8n1 test ${credential.name}`, credential.name, data);
				for (const answer of [200, 401]) {
					status = answer;
					const before = seen.length;
					const result = await n8n.rest<{ data: { status: string; message: string } }>('POST', '/rest/credentials/test', {
						body: { credentials: { id, name: `e2e-n8n1 test ${credential.name}`, type: credential.name, data: { ...N8N_1.credentialDefaults, ...data } } },
					});
					// (On a 401 n8n sends the request a second time, after its pre-authentication step.)
					results.push(`${credential.name} on ${answer}: ${result.data.status}${seen.length > before ? '' : ', no request'}`);
				}
			}
			expect(results).toEqual(builtCredentialTypes().flatMap((name) => [`${name} on 200: OK`, `${name} on 401: Error`]));
		} finally {
			await closeServer(api);
		}
	});

	describe.each(allProviderCases())('%s trigger', (_name, entry) => {
		const { provider } = entry;
		const event = provider.events[0] as EventDefinition;
		let workflowId: string;
		let url: string;
		let secret = `n8n1-${provider.key}-secret`;
		let fake: FakeSubscriptionApi | undefined;

		beforeAll(async () => {
			// Rishi's trigger registers itself on activation and generates the secret: a fake Rishi API on loopback.
			if (registersItself(provider)) fake = await startFakeSubscriptionApi({ apiKey: API_KEY });
			({ workflowId, url } = await publishProviderTrigger(n8n, entry, {
				name: `e2e-n8n1 ${provider.key}`,
				secret: fake ? '' : secret,
				events: [event.name],
				...(fake ? { api: { baseUrl: fake.baseUrl, apiKey: API_KEY } } : {}),
			}));
			if (fake) {
				const subscriptions = [...fake.subscriptions.values()];
				expect(subscriptions).toHaveLength(1);
				secret = subscriptions[0].secret as string;
			}
		});

		afterAll(async () => {
			if (workflowId) await n8n.deleteWorkflow(workflowId).catch(() => undefined);
			await fake?.close();
		});

		it('refuses a delivery as the spec says and starts nothing; emits a signed one, read back from its execution', async () => {
			const isSigned = provider.authentication.kind === 'hmac-sha256';
			const refusalReason = isSigned ? 'signature_mismatch' : 'ip_not_allowed';
			const refusal = isSigned
				? providerDelivery(provider, event, { url, secret, mode: 'forged', contentType: 'application/json' })
				: providerDelivery(provider, event, { url, secret, mode: 'signed', contentType: 'application/json', forwardedFor: '198.51.100.7' });
			const refused = await post(url, refusal.body, refusal.headers);
			const expected = provider.replies.rejected({ ok: false, reason: refusalReason, detail: 'e2e' });
			expect({ status: refused.status, body: refused.json }).toEqual({ status: statusFor(provider, refusalReason), body: expected.body });

			const delivery = providerDelivery(provider, event, { url, secret, mode: 'signed', contentType: 'application/json' });
			const accepted = await post(url, delivery.body, delivery.headers);
			const reply = provider.replies.accepted({ payload: event.sample, eventType: event.name, now: new Date() });
			expect({ status: accepted.status, body: withoutTimes(accepted.json) }).toEqual({ status: reply.status, body: withoutTimes(reply.body) });

			// The refusal was answered before the signed delivery was sent: had it started an
			// execution, that one would be listed by the time the signed one's has finished.
			const executions = await n8n.waitForExecutions(workflowId, 1);
			expect(executions).toHaveLength(1);
			expect(executions[0].status).toBe('success');
			expect(triggerOutput(executions[0])).toEqual(event.sample);
			expect(deliveryIdsIn(executions[0])).toHaveLength(1);
			expect(await n8n.countExecutions(workflowId)).toBe(1);
		});
	});

	it('deactivates a workflow through /deactivate: its production URL stops answering', async () => {
		const [, entry] = allProviderCases().find(([, candidate]) => !registersItself(candidate.provider))!;
		const { workflowId, url } = await publishProviderTrigger(n8n, entry, { name: 'e2e-n8n1 deactivation', secret: 'unused', events: ['*'] });
		try {
			await n8n.deactivateWorkflow(workflowId);
			const status = await waitFor(async () => (await post(url, '{}', { 'content-type': 'application/json' })).status, {
				describe: `${url} to answer 404 once the workflow is deactivated`,
				until: (answer) => answer === 404,
				show: (answer) => `HTTP ${answer}`,
			});
			expect(status).toBe(404);
		} finally {
			await n8n.deleteWorkflow(workflowId).catch(() => undefined);
		}
	});
});
