/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code runs under jest on a developer machine, not inside n8n */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { ICredentialType, INodeType } from 'n8n-workflow';

import { ACCEPTED_STATUS } from '../../nodes/shared/n8n/rawBodyWebhook';
import { sampleItem } from '../../nodes/shared/n8n/sampleHints';
import { SIGNING_SECRET_TEST } from '../../nodes/shared/n8n/signingSecretTest';
import { DELIVERY_ID_KEY, processDelivery } from '../../nodes/shared/pipeline/processDelivery';
import { settingsFrom, type TriggerChoices } from '../../nodes/shared/pipeline/settings';
import { discoverProviders, ROOT, samplesOf, signedHeaders } from '../support/providers';

/**
 * What every provider must have. Adding a provider means its folder, its
 * credential and its lines in package.json; this test fails until all three
 * agree and every event has a schema and a sample that passes it.
 */
const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const providers = discoverProviders();

function loadClass<T>(file: string): T {
	// Synchronous on purpose: describe.each needs the classes while jest collects tests.
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const exports = require(file) as Record<string, new () => T>;
	const classes = Object.values(exports).filter((value) => typeof value === 'function');
	expect(classes).toHaveLength(1);
	return new classes[0]();
}

function iconFiles(icon: unknown, baseDir: string): string[] {
	const refs = typeof icon === 'string' ? [icon] : Object.values(icon as Record<string, string>);
	return refs.map((ref) => join(baseDir, ref.replace(/^file:/, '')));
}

describe('package contract', () => {
	it('finds every provider folder, the five shipped ones included', () => {
		const folders = readdirSync(join(ROOT, 'nodes'), { withFileTypes: true })
			.filter((entry) => entry.isDirectory() && entry.name !== 'shared')
			.map((entry) => entry.name);
		expect(providers.map((entry) => entry.folder).sort()).toEqual(folders.sort());
		expect(providers.map((entry) => entry.provider.key)).toEqual(
			expect.arrayContaining(['churn-saver', 'esahayak', 'faithflow', 'merajutasa', 'rishi']),
		);
	});

	it('has no runtime dependencies and peer-depends on n8n-workflow', () => {
		expect(packageJson.dependencies ?? {}).toEqual({});
		expect(packageJson.peerDependencies).toHaveProperty('n8n-workflow');
		expect(packageJson.keywords).toContain('n8n-community-node-package');
	});

	it('lists exactly the node and credential files that exist', () => {
		const nodeSources = readdirSync(join(ROOT, 'nodes'), { recursive: true, encoding: 'utf8' })
			.filter((file) => file.endsWith('.node.ts'))
			.map((file) => `dist/nodes/${file.replace(/\.ts$/, '.js')}`)
			.sort();
		const credentialSources = readdirSync(join(ROOT, 'credentials'))
			.filter((file) => file.endsWith('.credentials.ts'))
			.map((file) => `dist/credentials/${file.replace(/\.ts$/, '.js')}`)
			.sort();
		expect([...packageJson.n8n.nodes].sort()).toEqual(nodeSources);
		expect([...packageJson.n8n.credentials].sort()).toEqual(credentialSources);
	});
});

describe.each(providers.map((entry) => [entry.provider.displayName, entry] as const))('%s', (_name, { folder, provider }) => {
	const folderPath = join(ROOT, 'nodes', folder);
	const triggerFile = join(folderPath, `${folder}Trigger.node.ts`);
	const trigger = loadClass<INodeType>(triggerFile);
	const description = trigger.description;

	it('registers its trigger in package.json with a codex file and light/dark icons', () => {
		expect(packageJson.n8n.nodes).toContain(`dist/nodes/${folder}/${folder}Trigger.node.js`);
		const codex = JSON.parse(readFileSync(join(folderPath, `${folder}Trigger.node.json`), 'utf8'));
		expect(codex.node).toBe(`${packageJson.name}.${description.name}`);
		expect(description.name).toMatch(/Trigger$/);
		expect(description.inputs).toEqual([]);
		expect(description.group).toEqual(['trigger']);
		for (const file of iconFiles(description.icon, folderPath)) expect(existsSync(file)).toBe(true);
		expect(typeof description.icon === 'object').toBe(true);
	});

	it('has an action node when it has a subscriptions API, registered with a codex file, icons and the same credential', () => {
		const actionFile = join(folderPath, `${folder}.node.ts`);
		if (provider.subscriptions) expect(existsSync(actionFile)).toBe(true);
		if (!existsSync(actionFile)) return;
		const action = loadClass<INodeType>(actionFile).description;
		expect(packageJson.n8n.nodes).toContain(`dist/nodes/${folder}/${folder}.node.js`);
		const codex = JSON.parse(readFileSync(join(folderPath, `${folder}.node.json`), 'utf8'));
		expect(codex.node).toBe(`${packageJson.name}.${action.name}`);
		for (const file of iconFiles(action.icon, folderPath)) expect(existsSync(file)).toBe(true);
		expect(action.credentials?.[0]?.name).toBe(provider.credentialName);
	});

	const credentialClass = (credentialName: string): ICredentialType => {
		const file = readdirSync(join(ROOT, 'credentials'))
			.map((name) => join(ROOT, 'credentials', name))
			.find((path) => path.endsWith('.credentials.ts') && loadClass<ICredentialType>(path).name === credentialName);
		expect(file).toBeDefined();
		return loadClass<ICredentialType>(file as string);
	};
	const fieldsOf = (credential: ICredentialType) => Object.fromEntries(credential.properties.map((property) => [property.name, property]));

	it("offers the trigger both credentials: the signing secret (tested by the node, no API needed) and the API's", () => {
		const byName = Object.fromEntries((description.credentials ?? []).map((entry) => [entry.name, entry]));
		expect(Object.keys(byName).sort()).toEqual([provider.credentialName, provider.signingSecretCredentialName].sort());
		const secret = byName[provider.signingSecretCredentialName];
		expect(secret.testedBy).toBe(SIGNING_SECRET_TEST);
		const methods = (loadClass<INodeType>(join(folderPath, `${folder}Trigger.node.ts`)).methods ?? {}) as { credentialTest?: Record<string, unknown> };
		expect(typeof methods.credentialTest?.[SIGNING_SECRET_TEST]).toBe('function');
		// The API credential is demanded at activation only when the trigger registers itself.
		expect(byName[provider.credentialName].required).toBe(false);
		if (provider.subscriptions) expect(secret.displayOptions).toEqual({ show: { setup: ['manual'] } });
	});

	it('has a registered signing-secret credential: the two secrets as passwords, nothing else', () => {
		const credential = credentialClass(provider.signingSecretCredentialName);
		expect(Object.keys(fieldsOf(credential))).toEqual(['signingSecret', 'previousSigningSecret']);
		for (const field of credential.properties) expect(field.typeOptions?.password).toBe(true);
		expect(credential.test).toBeUndefined();
		for (const icon of iconFiles(credential.icon, join(ROOT, 'credentials'))) expect(existsSync(icon)).toBe(true);
	});

	it('uses a registered API credential with the shared field names, secrets as passwords', () => {
		const credential = credentialClass(provider.credentialName);
		const fields = fieldsOf(credential);
		// Signing secrets in the API credential serve a trigger that registers itself (it may generate one).
		const secrets = provider.subscriptions ? ['signingSecret', 'previousSigningSecret', 'apiKey'] : ['apiKey'];
		for (const secret of secrets) expect(fields[secret]?.typeOptions?.password).toBe(true);
		if (!provider.subscriptions) expect(fields.signingSecret).toBeUndefined();
		expect(fields.baseUrl).toBeDefined();
		// An assumed API's path is read from a credential field, which must exist.
		const path = provider.subscriptions?.path;
		if (path?.kind === 'credential') expect(fields[path.field]).toBeDefined();
		expect(credential.test).toBeDefined();
		expect(credential.authenticate).toBeDefined();
		for (const icon of iconFiles(credential.icon, join(ROOT, 'credentials'))) expect(existsSync(icon)).toBe(true);
	});

	it('offers every catalogue event, once, plus "all events"', () => {
		const events = description.properties.find((property) => property.name === 'events');
		const offered = (events?.options as Array<{ value: string }>).map((option) => option.value);
		const names = provider.events.map((event) => event.name);
		expect(new Set(names).size).toBe(names.length);
		expect(offered).toEqual(['*', ...names]);
	});

	it.each(samplesOf(provider))('has a sample of %s that passes its own schema and the whole pipeline', (name, sample) => {
		const event = [...provider.events, ...(provider.connectionTestEvents ?? [])].find((entry) => entry.name === name)!;
		expect(event.description.length).toBeGreaterThan(3);
		expect(event.schema.safeParse(sample).success).toBe(true);

		const body = JSON.stringify(sample);
		const scheme = provider.authentication;
		const settings: TriggerChoices = {
			events: ['*'],
			secrets: ['contract-secret'],
			invalidPayload: 'reject',
			includeHeaders: false,
			emitConnectionTests: true,
		};
		const socketAddress =
			scheme.kind === 'ip-allowlist' ? scheme.defaultRanges[0].split('/')[0].replace(/\.0$/, '.10') : '203.0.113.9';
		const headers = { ...signedHeaders(provider, body, 'contract-secret'), ...(provider.deliveryHeaders?.(event, sample) ?? {}) };
		const outcome = processDelivery(provider, { rawBody: Buffer.from(body), headers, socketAddress, now: new Date() }, settingsFrom(provider, settings));
		expect(outcome.action).toBe('emit');
		if (outcome.action === 'emit') {
			// The provider's event id where it has one, else a digest of the exact bytes.
			const providerId = provider.deliveryIdOf?.(sample, headers);
			if (provider.deliveryIdOf) expect(providerId).toEqual(expect.any(String));
			const key = providerId ?? `sha256:${createHash('sha256').update(body).digest('hex')}`;
			expect(outcome.item).toEqual({ ...sample, [DELIVERY_ID_KEY]: key });
			// The item the trigger's output pane offers as mock data (sampleHints.ts) is this one.
			expect(sampleItem(provider, event)).toEqual(outcome.item);
			expect(outcome.eventType).toBe(name);
			// n8n sends every accepted delivery's answer with the webhook's responseCode.
			expect(outcome.reply.status).toBe(ACCEPTED_STATUS);
		}
	});
});
