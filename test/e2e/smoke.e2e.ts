/* eslint-disable @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-explicit-any -- test code runs under jest on a developer machine, not inside n8n */
/**
 * Smoke test of the real-n8n harness: the pinned n8n runs, takes a published
 * workflow's webhook call, records the execution with the posted body, and
 * loads this package's nodes from the packed tarball (with the host's zod).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { request } from 'undici';

import {
	N8N_VERSION,
	REPO_ROOT,
	assertNoZodAbove,
	expectedWebhookPath,
	getSharedN8n,
	hostZodPath,
	waitFor,
	type N8nInstance,
	type N8nWorkflow,
} from './harness';
import { builtCredentialTypes, builtCustomNodeTypes, builtNodeFiles, exportedNames, unbuiltReason } from './harness/packageNodes';

/** The build's view of an action node module (gulpfile.js): its operations and their output schema files. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const build = require(path.join(REPO_ROOT, 'gulpfile.js')) as {
	actionsIn(moduleExports: Record<string, unknown>): unknown;
	outputSchemaFiles(moduleExports: Record<string, unknown>, label: string): Array<{ file: string; schema: unknown }>;
};


describe('a real n8n', () => {
	let n8n: N8nInstance;
	const created: string[] = [];

	beforeAll(() => {
		n8n = getSharedN8n();
	});

	afterAll(async () => {
		for (const id of created) await n8n.deleteWorkflow(id).catch(() => undefined);
	});

	it(`is n8n ${N8N_VERSION} on Node 24, loading the packed package from outside the repo`, () => {
		expect(n8n.state.install.n8nVersion).toBe(N8N_VERSION);
		expect(n8n.state.install.nodeVersion).toMatch(/^24\./);
		const packageDir = n8n.state.packageDir;
		expect(path.relative(REPO_ROOT, packageDir).startsWith('..')).toBe(true);
		expect(fs.existsSync(path.join(packageDir, 'package.json'))).toBe(true);
		// Nothing above the staged package supplies zod, so n8n's copy is the only one our nodes can get.
		expect(() => assertNoZodAbove(packageDir)).not.toThrow();
		expect(hostZodPath(n8n.state.install.installDir).startsWith(n8n.state.install.installDir)).toBe(true);
	});

	it('records an execution of a published Webhook -> NoOp workflow with the posted body', async () => {
		const hookPath = `smoke-${Date.now()}`;
		const workflow: N8nWorkflow = await n8n.createWorkflow({
			name: `smoke ${hookPath}`,
			nodes: [
				{
					name: 'Webhook',
					type: 'n8n-nodes-base.webhook',
					typeVersion: 2,
					position: [0, 0],
					parameters: { httpMethod: 'POST', path: hookPath, responseMode: 'onReceived', options: {} },
				},
				{ name: 'NoOp', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} },
			],
			connections: { Webhook: { main: [[{ node: 'NoOp', type: 'main', index: 0 }]] } },
		});
		created.push(workflow.id);
		await n8n.publishWorkflow(workflow.id);

		// The built-in Webhook node's URL is /webhook/<path>; webhook_entity agrees with the derivation.
		const url = await n8n.productionWebhookUrl(workflow, 'Webhook');
		const webhookNode = workflow.nodes.find((node) => node.name === 'Webhook')!;
		expect(url).toBe(`${n8n.baseUrl}/webhook/${hookPath}`);
		expect(url).toBe(`${n8n.baseUrl}/webhook/${expectedWebhookPath(workflow.id, webhookNode)}`);

		const body = { event: 'smoke', id: hookPath, nested: { ok: true, list: [1, 2, 3] } };
		const response = await request(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
		});
		expect(response.statusCode).toBe(200);
		expect(await response.body.json()).toEqual({ message: 'Workflow was started' });

		const [execution] = await n8n.waitForExecutions(workflow.id, 1);
		expect(execution.status).toBe('success');
		expect(execution.mode).toBe('webhook');
		const runData = execution.data!.resultData.runData;
		expect(runData.Webhook[0].data!.main![0]![0].json.body).toEqual(body);
		expect(runData.NoOp[0].data!.main![0]![0].json.body).toEqual(body);

		await n8n.deactivateWorkflow(workflow.id);
		// Wait for what is asserted: the production URL stops answering (bounded).
		const afterStatus = await waitFor(
			async () => {
				const after = await request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
				await after.body.dump();
				return after.statusCode;
			},
			{ describe: `${url} to answer 404 once the workflow is unpublished`, until: (status) => status === 404, show: (status) => `HTTP ${status}` },
		);
		expect(afterStatus).toBe(404);
	}, 120_000);

	const reason = unbuiltReason();
	(reason ? it.skip : it)(`registers the package's nodes and credentials as CUSTOM.*${reason ? ` (skipped: ${reason})` : ''}`, async () => {
		const expectedNodes = builtCustomNodeTypes();
		const expectedCredentials = builtCredentialTypes();
		expect(expectedNodes.length).toBeGreaterThan(0);

		// Nodes that import zod load only because n8n's own zod resolves (see the first test).
		const loaded = (await n8n.customNodeTypes()).map((type) => type.name);
		expect(loaded).toEqual(expect.arrayContaining(expectedNodes));

		const credentialTypes = await n8n.rest<Array<{ name: string }>>('GET', '/types/credentials.json');
		expect(credentialTypes.map((type) => type.name)).toEqual(expect.arrayContaining(expectedCredentials));
	}, 120_000);

	(reason ? it.skip : it)(
		`serves each action operation's output schema where the editor asks for it, unauthenticated${reason ? ` (skipped: ${reason})` : ''}`,
		async () => {
			const requested: string[] = [];
			for (const file of builtNodeFiles) {
				// eslint-disable-next-line @typescript-eslint/no-require-imports
				const nodeModule = require(path.join(REPO_ROOT, file)) as Record<string, unknown>;
				if (!build.actionsIn(nodeModule)) continue;
				const [name] = exportedNames(file, 'node');
				for (const { file: schemaFile, schema } of build.outputSchemaFiles(nodeModule, file)) {
					// __schema__/v1.0.0/webhook/get.json → the editor's GET /schemas/<type>/1.0.0/webhook/get.json
					const url = `${n8n.baseUrl}/schemas/CUSTOM.${name}/${schemaFile.replace(/^__schema__\/v/, '')}`;
					const response = await request(url);
					expect({ url, status: response.statusCode }).toEqual({ url, status: 200 });
					expect(await response.body.json()).toEqual(schema);
					requested.push(url);
				}
			}
			// Rishi, Churn Saver, eSahayak and MerajutASA: 5 each; FaithFlow: 1; FaithTracker: 2.
			expect(requested.length).toBeGreaterThanOrEqual(23);
		},
		120_000,
	);

	(reason ? it.skip : it)(`hands each trigger's sample hints to the editor${reason ? ` (skipped: ${reason})` : ''}`, async () => {
		const served = new Map((await n8n.customNodeTypes()).map((type) => [type.name, type]));
		const triggers = builtNodeFiles.filter((file) => file.endsWith('Trigger.node.js'));
		expect(triggers.length).toBeGreaterThanOrEqual(5);
		for (const file of triggers) {
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			const NodeClass = Object.values(require(path.join(REPO_ROOT, file)) as Record<string, new () => any>).find((value) => typeof value === 'function')!;
			const built = new NodeClass().description;
			expect(built.hints.length).toBeGreaterThan(1);
			expect(served.get(`CUSTOM.${built.name}`)?.hints).toEqual(built.hints);
		}
	}, 120_000);
});
