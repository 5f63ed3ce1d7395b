/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code runs under jest on a developer machine, not inside n8n */
/**
 * Production webhook URLs as n8n 2.40.7 registers them.
 *
 * n8n stores the live paths in its `webhook_entity` table when a workflow is
 * published; the URL is `${baseUrl}/webhook/${webhookPath}`. For a node with a
 * webhookId the path is `${webhookId}/${path}` (our triggers: `<uuid>/webhook`),
 * except for nodes whose webhook description says isFullPath (the built-in
 * Webhook node), where it is the `path` parameter alone. Without a webhookId it
 * is `${workflowId}/${encodeURIComponent(lowercased node name)}/${path}`.
 * (n8n-workflow, NodeHelpers.getNodeWebhookPath.)
 *
 * The table is read with the node:sqlite module of the host's Node 24 (no
 * native module in the test process; read-only, so n8n's WAL is undisturbed).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { hostNodeBin } from './paths';
import { cleanEnv, run } from './proc';

export interface WebhookEntity {
	workflowId: string;
	webhookPath: string;
	method: string;
	node: string;
	webhookId: string | null;
	pathLength: number | null;
}

export interface WorkflowNodeRef {
	name: string;
	type: string;
	webhookId?: string;
	parameters?: Record<string, unknown>;
}

export function databaseFile(userFolder: string): string {
	return path.join(userFolder, '.n8n', 'database.sqlite');
}

const QUERY_SCRIPT = `
const { DatabaseSync } = require('node:sqlite');
const [file, workflowId] = process.argv.slice(1);
const db = new DatabaseSync(file, { readOnly: true });
try {
	const rows = db.prepare('SELECT workflowId, webhookPath, method, node, webhookId, pathLength FROM webhook_entity WHERE workflowId = ?').all(workflowId);
	process.stdout.write(JSON.stringify(rows));
} finally {
	db.close();
}
`;

/** The rows of n8n's webhook_entity table for one workflow (empty until it is published). */
export async function readWebhookEntities(userFolder: string, workflowId: string, nodeBin = hostNodeBin()): Promise<WebhookEntity[]> {
	const file = databaseFile(userFolder);
	if (!fs.existsSync(file)) throw new Error(`No n8n database at ${file}`);
	const out = await run(nodeBin, ['--no-warnings', '-e', QUERY_SCRIPT, file, workflowId], {
		cwd: userFolder,
		env: cleanEnv(),
		timeoutMs: 30_000,
	});
	return JSON.parse(out) as WebhookEntity[];
}

/**
 * The path n8n derives for a node's production webhook (no leading slash), for
 * a node whose webhook description has the given path and isFullPath; for the
 * built-in Webhook node pass its `path` parameter and isFullPath true.
 */
export function deriveWebhookPath(workflowId: string, node: WorkflowNodeRef, descriptionPath = 'webhook', isFullPath = false): string {
	let webhookPath = descriptionPath.replace(/^\/+/, '');
	if (node.webhookId === undefined) return `${workflowId}/${encodeURIComponent(node.name.toLowerCase())}/${webhookPath}`;
	// A path with route parameters always gets the webhookId in front.
	if (webhookPath.startsWith(':') || webhookPath.includes('/:')) isFullPath = false;
	if (isFullPath) return webhookPath || node.webhookId;
	webhookPath = `${node.webhookId}/${webhookPath}`;
	return webhookPath;
}

/** deriveWebhookPath() for a node of the workflow: the built-in Webhook node, or a trigger with `path: 'webhook'` (ours). */
export function expectedWebhookPath(workflowId: string, node: WorkflowNodeRef): string {
	if (node.type === 'n8n-nodes-base.webhook' || node.type === 'n8n-nodes-base.formTrigger') {
		return deriveWebhookPath(workflowId, node, String(node.parameters?.path ?? ''), true);
	}
	return deriveWebhookPath(workflowId, node, 'webhook', false);
}
