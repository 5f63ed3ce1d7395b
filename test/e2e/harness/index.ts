/**
 * The real-n8n harness. In an e2e test file (test/e2e/**\/*.e2e.ts):
 *
 *   import { getSharedN8n, type N8nInstance } from './harness';
 *   let n8n: N8nInstance;
 *   beforeAll(() => { n8n = getSharedN8n(); });
 *   it('...', async () => {
 *     const workflow = await n8n.createWorkflow({ name, nodes, connections });
 *     await n8n.publishWorkflow(workflow.id);
 *     const url = await n8n.productionWebhookUrl(workflow, 'My Trigger');
 *     // POST to url with undici, then:
 *     const [execution] = await n8n.waitForExecutions(workflow.id, 1);
 *   });
 *
 * Wait for what a test asserts, bounded, with waitFor() (./wait.ts): n8n acts
 * after some calls have answered (and, with
 * N8N_USE_WORKFLOW_PUBLICATION_SERVICE=false, activates published workflows
 * only after it reports ready), so never wait on readiness or a fixed sleep.
 *
 * The shared instance is started once per jest run by test/e2e/globalSetup.ts
 * (sharedInstance.ts). The e2e-n8n1 project does the same with n8n 1.x
 * (targets.ts: N8N_1) and reaches it with getSharedN8n(N8N_1).
 * For an instance of your own (to restart it, or with other env), use
 * `const own = await bootN8n({ env: {...} })` and `await own.stop()` in afterAll.
 */
export { DEFAULT_OWNER, N8nClient, createApiKey, login, setupOwner } from './client';
export type { N8nExecution, N8nNode, N8nWorkflow, NodeTypeDescription, PublicationStatus, WorkflowInput } from './client';
export { http, HttpError } from './http';
export { installN8n } from './install';
export type { N8nInstall } from './install';
export { bootN8n, getSharedN8n, N8nInstance, readState, STATE_ENV, writeState } from './instance';
export type { BootOptions, InstanceState } from './instance';
export { freePort, n8nEnv, startN8n, stopN8nByPid } from './n8n';
export type { RunningN8n, StartN8nOptions } from './n8n';
export { assertNoZodAbove, hostZodPath, packPackage } from './pack';
export type { StagedPackage } from './pack';
export { CACHE_ROOT, N8N_VERSION, REPO_ROOT, SCRATCH_ROOT, devUserFolder, hostInstallDir, hostManifestDir, hostNodeBin } from './paths';
export { startSharedN8n, stopSharedN8n } from './sharedInstance';
export { N8N_1, N8N_2, TARGETS, targetNamed } from './targets';
export type { N8nTarget } from './targets';
export { deriveWebhookPath, expectedWebhookPath, readWebhookEntities } from './webhooks';
export type { WebhookEntity } from './webhooks';
export { publishTriggerWorkflow } from './triggerWorkflow';
export type { TriggerWorkflow, TriggerWorkflowOptions } from './triggerWorkflow';
export { waitFor } from './wait';
export type { WaitForOptions } from './wait';
