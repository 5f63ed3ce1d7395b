/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test code runs under jest on a developer machine, not inside n8n */
/**
 * The parts of n8n 2.40's editor the browser test uses, driven by Playwright.
 * Selectors are n8n's own `data-test-id`s (the ones n8n's Playwright tests in
 * packages/testing/playwright use) wherever the editor has one; the few text
 * and attribute selectors are marked as such. Every wait is a Playwright
 * locator wait on a DOM condition, bounded by the page's default timeout.
 */
import { chromium, selectors, type Browser, type Locator, type Page } from 'playwright-core';

import type { OwnerCredentials } from '../e2e/harness/client';

/** Bound on every single wait for the editor (a click's target, a panel, a toast). */
const UI_TIMEOUT_MS = 20_000;

/** Records the title and text of every error toast the editor ever shows, also those that vanish before the test looks. */
const ERROR_TOAST_RECORDER = `
	window.__errorToasts = [];
	new MutationObserver(() => {
		for (const toast of document.querySelectorAll('.el-notification')) {
			if (toast.dataset.recorded || !toast.querySelector('.el-notification--error')) continue;
			toast.dataset.recorded = '1';
			window.__errorToasts.push(toast.innerText.trim());
		}
	}).observe(document, { childList: true, subtree: true });
`;

export async function launchChromium(executablePath: string): Promise<Browser> {
	const root = typeof process.getuid === 'function' && process.getuid() === 0;
	// Chromium refuses to run as root with its sandbox; /dev/shm is small in containers.
	return await chromium.launch({ executablePath, args: [...(root ? ['--no-sandbox'] : []), '--disable-dev-shm-usage'] });
}

export class Editor {
	private constructor(readonly page: Page) {}

	/** A fresh browser context on n8n (no cookies), 1280×800 so that screenshots stay small. */
	static async open(browser: Browser, baseUrl: string): Promise<Editor> {
		selectors.setTestIdAttribute('data-test-id');
		const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
		await context.addInitScript(ERROR_TOAST_RECORDER);
		const page = await context.newPage();
		page.setDefaultTimeout(UI_TIMEOUT_MS);
		return new Editor(page);
	}

	async logIn(owner: Pick<OwnerCredentials, 'email' | 'password'>): Promise<void> {
		await this.page.goto('/signin');
		await this.page.getByTestId('emailOrLdapLoginId').locator('input').fill(owner.email);
		await this.page.getByTestId('password').locator('input').fill(owner.password);
		await this.page.getByTestId('form-submit-button').click();
		await this.page.waitForURL((url) => !url.pathname.startsWith('/signin'));
	}

	/** Error toasts shown since the last page load. */
	async errorToasts(): Promise<string[]> {
		return await this.page.evaluate(() => (globalThis as unknown as { __errorToasts: string[] }).__errorToasts);
	}

	// --- canvas and nodes panel ------------------------------------------------------------------

	async newWorkflow(): Promise<void> {
		await this.page.goto('/workflow/new');
		await this.page.getByTestId('canvas-plus-button').waitFor();
	}

	/** Stays on the canvas the page shows, or opens a new workflow. */
	async onACanvas(): Promise<void> {
		if (!new URL(this.page.url()).pathname.startsWith('/workflow/')) await this.newWorkflow();
	}

	get nodesPanel(): Locator {
		return this.page.getByTestId('node-creator');
	}

	/** Opens the nodes panel: from the empty canvas's big plus, else from the canvas's add button. */
	async openNodesPanel(): Promise<void> {
		const empty = this.page.getByTestId('canvas-plus-button');
		await (await empty.isVisible() ? empty : this.page.getByTestId('node-creator-plus-button')).click();
		await this.nodesPanel.waitFor();
	}

	/** The entries the nodes panel lists whose name is exactly `name`. */
	panelEntry(name: string): Locator {
		return this.nodesPanel.getByTestId('node-creator-item-name').getByText(name, { exact: true });
	}

	async searchNodesPanel(text: string): Promise<void> {
		await this.page.getByTestId('node-creator-search-bar').fill(text);
	}

	/**
	 * The trigger events or actions of node type `type` on an entry's page. Attribute selector: n8n
	 * gives these items no test id of their own, but names the node type in data-keyboard-nav-id
	 * ("CUSTOM.churnSaverTrigger-<uuid>", the package prefix depending on how n8n loaded it).
	 */
	panelItemsOf(type: string): Locator {
		return this.nodesPanel.locator(`[data-test-id="item-iterator-item"][data-keyboard-nav-type="action"][data-keyboard-nav-id*=".${type}-"]`);
	}

	/** Opens an entry's page (Triggers and Actions) and unfolds the category `category`. */
	async openEntryCategory(category: 'Triggers' | 'Actions'): Promise<void> {
		const header = this.nodesPanel.getByTestId('node-creator-category-item').filter({ hasText: new RegExp(`^\\s*${category}\\b`) });
		// Its parent's data-category-collapsed says whether the items are shown (n8n's tests read it there too).
		const container = header.locator('xpath=..');
		if ((await container.getAttribute('data-category-collapsed')) === 'true') await header.click();
		await header.locator('xpath=parent::*[@data-category-collapsed="false"]').waitFor();
	}

	// --- node details view (NDV) -----------------------------------------------------------------

	get ndv(): Locator {
		return this.page.getByTestId('ndv');
	}

	/** A parameter's input in the open panel. */
	parameter(name: string): Locator {
		return this.ndv.getByTestId(`parameter-input-${name}`);
	}

	async closeNdv(): Promise<void> {
		await this.page.getByTestId('ndv-close-button').click();
		await this.ndv.waitFor({ state: 'hidden' });
	}

	// --- credentials -----------------------------------------------------------------------------

	get credentialModal(): Locator {
		return this.page.getByTestId('editCredential-modal');
	}

	/**
	 * Opens "create a credential" in the open panel's credential slot whose label holds `slotText`
	 * (a trigger may show two: the API credential and the signing secret), whether the slot is
	 * empty or n8n has picked an existing credential for it.
	 */
	async createCredentialFromNdv(slotText: string): Promise<void> {
		const slot = this.ndv.getByTestId('node-credentials-slot').filter({ hasText: slotText });
		const empty = slot.getByTestId('node-credentials-empty-state');
		const select = slot.getByTestId('node-credentials-select');
		await empty.or(select).waitFor();
		if (await empty.isVisible()) {
			await empty.click();
		} else {
			await select.click();
			await this.page.getByTestId('node-credentials-select-item-new').click();
		}
		await this.credentialModal.waitFor();
	}

	/**
	 * Saves the open credential; returns what n8n's credential test (run on save) answered. n8n closes
	 * the dialog when the test passes and keeps it open, with a red banner, when it fails.
	 */
	async saveCredential(): Promise<{ status?: string; message?: string }> {
		const tested = this.page.waitForResponse((response) => new URL(response.url()).pathname === '/rest/credentials/test');
		await this.credentialModal.getByTestId('credential-save-button').click();
		const body = (await (await tested).json()) as { data?: { status?: string; message?: string } };
		const failed = this.credentialModal.getByText(/Couldn.t connect with these settings/);
		await Promise.race([this.credentialModal.waitFor({ state: 'hidden' }), failed.waitFor()]);
		return body.data ?? {};
	}

	/** Opens the credential the slot labelled with `slotText` holds (its pencil button); n8n tests it again on opening. */
	async openCredentialInSlot(slotText: string): Promise<void> {
		await this.ndv.getByTestId('node-credentials-slot').filter({ hasText: slotText }).getByTestId('credential-edit-button').click();
		await this.credentialModal.waitFor();
	}

	/** The open credential's test verdict as the dialog shows it: n8n's green banner, or "Couldn't connect". */
	async credentialTestBanner(): Promise<{ passed: boolean; text: string }> {
		const passed = this.credentialModal.getByTestId('credentials-config-container-test-success');
		// Text selector: the failure banner has no test id of its own.
		const failed = this.credentialModal.getByText(/Couldn.t connect with these settings/);
		await passed.or(failed).first().waitFor();
		const ok = await passed.isVisible();
		return { passed: ok, text: (await (ok ? passed : failed.locator('..')).innerText()).trim() };
	}

	async closeCredentialModal(): Promise<void> {
		// Class selector: the dialog's close button (n8n's tests use the same).
		await this.credentialModal.locator('.el-dialog__close').first().click();
		await this.credentialModal.waitFor({ state: 'hidden' });
	}

	// --- listening for test events ---------------------------------------------------------------

	get output(): Locator {
		return this.page.getByTestId('output-panel');
	}

	/** The Test URL the open trigger panel shows under "Webhook URLs" (text selectors: the section has no test ids). */
	async testUrl(): Promise<string> {
		const url = this.ndv.getByText(/\/webhook-test\//).first();
		if (!(await url.isVisible())) await this.ndv.getByText('Webhook URLs', { exact: true }).click();
		await this.ndv.getByTestId('radio-button-test').click();
		return (await url.innerText()).trim();
	}

	/** Clicks the panel's execute button on a trigger ("Listen for test event") and waits until the panel says it listens. */
	async listenForTestEvent(): Promise<void> {
		await this.ndv.getByTestId('node-execute-button').click();
		await this.ndv.getByText('Listening for test event').waitFor();
	}

	/**
	 * Waits until the panel shows the output of a run holding `text`; returns the output as JSON text.
	 * The run's status icon tells it from the sample items the trigger shows before its first run.
	 */
	async outputHolding(text: string): Promise<string> {
		await this.output.getByTestId('node-run-status-success').waitFor();
		await this.output.getByTestId('radio-button-json').click();
		const data = this.output.getByTestId('ndv-data-container');
		await data.getByText(text).first().waitFor();
		return await data.innerText();
	}
}
