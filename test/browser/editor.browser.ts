/* eslint-disable no-console -- test code runs under jest on a developer machine, not inside n8n */
/**
 * The package in n8n's editor, through a real browser (Debian's Chromium driven
 * by playwright-core), on an n8n of its own with the package installed as a
 * community package, as Settings → Community Nodes installs it (only then does
 * n8n run a credential's test that a node names in `testedBy`): log in; find every node of the package in the nodes panel, add each to a
 * canvas and open its panel (expected parameters, no error toast); create
 * Churn Saver's secret-only credential and see its test pass; "Listen for test
 * event" with a signed delivery from the repository's sender and read the item
 * in the output; a forged delivery while listening shows why it was refused.
 *
 * Without Chromium (see chromium.ts) the file prints one line and its tests are
 * skipped, except in CI, where that fails.
 */
import { randomBytes } from 'node:crypto';

import type { Browser } from 'playwright-core';

import { bootN8n, type N8nInstance } from '../e2e/harness';
import { sendLikeAProvider } from '../e2e/harness/providerSender';
import { discoverProviders } from '../support/providers';
import { buildDelivery, type SendOptions } from '../tools/send-event';
import { HOW_TO_GET_CHROMIUM, findChromium, inCi } from './chromium';
import { Editor, launchChromium } from './editor';
import { packageNodes } from './packageNodes';
import { SCREENSHOT_DIR, publishScreenshots, screenshot } from './screenshots';

const chromiumPath = findChromium();
const entries = packageNodes();
const churnSaver = discoverProviders().find(({ provider }) => provider.key === 'churn-saver')?.provider;
if (!churnSaver) throw new Error('No provider with key churn-saver under nodes/');
const churnSaverTrigger = entries.flatMap((entry) => entry.nodes).find((node) => node.type === 'churnSaverTrigger');
if (!churnSaverTrigger) throw new Error('package.json lists no churnSaverTrigger node');

if (!chromiumPath && !inCi()) console.log(`[browser] SKIPPED: no Chromium here; ${HOW_TO_GET_CHROMIUM}`);
const describeInBrowser = chromiumPath || inCi() ? describe : describe.skip;

describeInBrowser('the package in the n8n editor', () => {
	let n8n: N8nInstance;
	let browser: Browser;
	let editor: Editor;

	beforeAll(async () => {
		if (!chromiumPath) throw new Error(`CI has no Chromium: run npm run browser:chromium (as .ci/run does) first; ${HOW_TO_GET_CHROMIUM}`);
		n8n = await bootN8n({ label: 'browser', loadAs: 'communityPackage' });
		browser = await launchChromium(chromiumPath);
		editor = await Editor.open(browser, n8n.baseUrl);
		await editor.logIn(n8n.state.owner);
	}, 600_000); // the first run on a machine installs n8n into the cache

	afterAll(async () => {
		await browser?.close();
		await n8n?.stop();
		const published = publishScreenshots();
		console.log(`[browser] screenshots: ${SCREENSHOT_DIR}${published.length > 0 ? `; copied to ${published.join(', ')}` : ' (UPDATE_SCREENSHOTS=1 copies them to docs/)'}`);
	});

	it('groups the nodes package.json lists into panel entries of at most one trigger and one action node each', () => {
		const shapes = entries.map((entry) => ({
			entry: entry.name,
			triggers: entry.nodes.filter((node) => node.trigger).length,
			actions: entry.nodes.filter((node) => !node.trigger).length,
		}));
		expect(shapes.filter((shape) => shape.triggers > 1 || shape.actions > 1)).toEqual([]);
		expect(shapes.length).toBeGreaterThan(0);
	});

	describe.each(entries.map((entry) => [entry.name, entry] as const))('nodes panel entry %s', (name, entry) => {
		it(`is found by searching "${name}"; each of its nodes is added to the canvas and its panel shows the expected parameters without an error toast`, async () => {
			// One canvas for all entries: loading the editor takes about 7 s here.
			await editor.onACanvas();
			for (const node of entry.nodes) {
				await editor.openNodesPanel();
				await editor.searchNodesPanel(name);
				const found = editor.panelEntry(name);
				await found.waitFor();
				expect(await found.count()).toBe(1);
				await found.click();
				await editor.openEntryCategory(node.trigger ? 'Triggers' : 'Actions');
				const items = editor.panelItemsOf(node.type);
				await items.first().waitFor();
				expect({ node: node.type, items: await items.count() }).toEqual({ node: node.type, items: node.panelItems });
				if (name === churnSaver.displayName && node.trigger) await screenshot(editor.nodesPanel, 'nodes-panel');

				await items.first().click();
				await editor.ndv.waitFor();
				for (const parameter of node.parameters) await editor.parameter(parameter).waitFor();
				expect({ node: node.type, errorToasts: await editor.errorToasts() }).toEqual({ node: node.type, errorToasts: [] });
				await editor.closeNdv();
			}
			expect(await editor.errorToasts()).toEqual([]);
		});
	});

	describe('Churn Saver: credential and test events', () => {
		const secret = randomBytes(32).toString('hex');
		const event = churnSaver.events.find((candidate) => candidate.name === 'case.created') ?? churnSaver.events[0];

		/** One delivery of the sample event to the Test URL, from the repository's sender (no retries: a test webhook answers once). */
		async function deliver(url: string, mode: SendOptions['mode']): Promise<number> {
			const [result] = await sendLikeAProvider(
				[{ key: `browser-${mode}`, build: () => buildDelivery(churnSaver!, event, { url, secret, mode, contentType: 'application/json' }) }],
				{ url, concurrency: 1, retries: 0 },
			);
			return result.statuses[0];
		}

		it(`creates a "${churnSaver.displayName} Signing Secret" credential from the trigger's panel and its test passes`, async () => {
			await editor.newWorkflow();
			await editor.openNodesPanel();
			await editor.searchNodesPanel(churnSaver.displayName);
			await editor.panelEntry(churnSaver.displayName).click();
			await editor.openEntryCategory('Triggers');
			await editor.panelItemsOf(churnSaverTrigger.type).first().click();
			await editor.ndv.waitFor();

			const slot = `${churnSaver.displayName} Signing Secret`;
			await editor.createCredentialFromNdv(slot);
			const dialogText = await editor.credentialModal.innerText();
			await editor.credentialModal.getByTestId('parameter-input-signingSecret').locator('input').fill(secret);
			const tested = await editor.saveCredential();
			// A passing test closes the dialog: open the credential again to see the verdict n8n shows.
			if (!(await editor.credentialModal.isVisible())) await editor.openCredentialInSlot(slot);
			const banner = await editor.credentialTestBanner();
			await screenshot(editor.credentialModal, 'credential');
			await editor.closeCredentialModal();
			expect(dialogText).toContain(`${churnSaver.displayName} Signing Secret API`);
			expect(tested).toEqual({ status: 'OK', message: expect.stringMatching(/^Signing secret set\./) });
			expect(banner).toEqual({ passed: true, text: expect.stringContaining('tested successfully') });
			expect(await editor.errorToasts()).toEqual([]);
		});

		it('"Listen for test event": a signed delivery to the Test URL is answered 200 and its item shows in the output', async () => {
			// Read before listening: while it listens the panel blocks its parameters.
			const url = await editor.testUrl();
			await editor.listenForTestEvent();
			expect(await deliver(url, 'signed')).toBe(200);
			const output = await editor.outputHolding(String(event.sample.id));
			expect(output).toContain(String(event.sample.event));
			await screenshot(editor.ndv, 'test-event-output');
		});

		it('a forged delivery while listening is answered 401 and the output says why it was refused', async () => {
			const url = await editor.testUrl();
			await editor.listenForTestEvent();
			expect(await deliver(url, 'forged')).toBe(401);
			const output = await editor.outputHolding('signature_mismatch');
			expect(output).toMatch(/"refused":\s*true/);
			expect(output).toMatch(/"status":\s*401/);
			expect(output).toContain('Signing Secret');
			await screenshot(editor.ndv, 'refusal');
		});
	});
});
