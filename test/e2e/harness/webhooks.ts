/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code runs under jest on a developer machine, not inside n8n */
/**
 * Production webhook URLs as n8n 2.40.7 (and 1.123.x) registers them.
 *
 * n8n stores the live paths in its `webhook_entity` table when a workflow is
 * published; the URL is `${baseUrl}/webhook/${webhookPath}`. For a node with a
 * webhookId the path is `${webhookId}/${path}` (our triggers: `<uuid>/webhook`),
 * except for nodes whose webhook description says isFullPath (the built-in
 * Webhook node), where it is the `path` parameter alone. Without a webhookId it
 * is `${workflowId}/${encodeURIComponent(lowercased node name)}/${path}`.
 * (n8n-workflow, NodeHelpers.getNodeWebhookPath.)
 *
 * The table is read, read-only (n8n's WAL is undisturbed), in a child process of
 * the install's own Node, so that no native module loads into the test process:
 * with its node:sqlite module where it has one (Node 24), else with the sqlite3
 * module the install built for it (Node 20, which has no node:sqlite).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { hostInstallDir, hostNodeBin } from './paths';
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
const [file, workflowId, sqlite3Module] = process.argv.slice(1);
const sql = 'SELECT workflowId, webhookPath, method, node, webhookId, pathLength FROM webhook_entity WHERE workflowId = ?';
let sqlite;
try {
	sqlite = require('node:sqlite');
} catch {
	// Node 20: no node:sqlite
}
if (sqlite) {
	const db = new sqlite.DatabaseSync(file, { readOnly: true });
	try {
		process.stdout.write(JSON.stringify(db.prepare(sql).all(workflowId)));
	} finally {
		db.close();
	}
} else {
	const sqlite3 = require(sqlite3Module);
	const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (openError) => {
		if (openError) throw openError;
		db.all(sql, [workflowId], (queryError, rows) => {
			if (queryError) throw queryError;
			process.stdout.write(JSON.stringify(rows));
			db.close();
		});
	});
}
`;

/** The rows of n8n's webhook_entity table for one workflow (empty until it is published), read with the install's Node. */
export async function readWebhookEntities(userFolder: string, workflowId: string, installDir = hostInstallDir()): Promise<WebhookEntity[]> {
	const file = databaseFile(userFolder);
	if (!fs.existsSync(file)) throw new Error(`No n8n database at ${file}`);
	const sqlite3Module = path.join(installDir, 'node_modules', 'sqlite3');
	const out = await run(hostNodeBin(installDir), ['--no-warnings', '-e', QUERY_SCRIPT, file, workflowId, sqlite3Module], {
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
