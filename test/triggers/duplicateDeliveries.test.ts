import { ChurnSaverTrigger } from '../../nodes/ChurnSaver/ChurnSaverTrigger.node';
import { churnSaver } from '../../nodes/ChurnSaver/definition';
import { ESahayakTrigger } from '../../nodes/ESahayak/ESahayakTrigger.node';
import { post } from '../support/post';
import { signedHeaders } from '../support/providers';
import { startTriggerHarness, type TriggerHarness } from '../support/triggerHarness';

const SECRET = 'dedupe-secret';
const credentials = { type: 'churnSaverSigningSecretApi', data: { signingSecret: SECRET } };
const sample = churnSaver.events[0].sample;

describe('Ignore Duplicate Deliveries', () => {
	let harness: TriggerHarness;
	afterEach(async () => harness?.close());

	const deliver = async (payload: Record<string, unknown>) => {
		const body = JSON.stringify(payload);
		return await post(harness.url, body, signedHeaders(churnSaver, body, SECRET));
	};

	it('answers a repeated event id like the first delivery but emits it once', async () => {
		harness = await startTriggerHarness({ nodeType: new ChurnSaverTrigger(), parameters: { events: ['*'], deliveryOptions: { ignoreDuplicates: true } }, credentials });
		const first = await deliver(sample);
		const retry = await deliver(sample);
		expect(first.status).toBe(200);
		expect(retry.status).toBe(200);
		expect(retry.json).toEqual(first.json);
		expect(harness.emitted).toHaveLength(1);
		await deliver({ ...sample, id: 'evt_another' });
		expect(harness.emitted).toHaveLength(2);
		// n8n keys a node's static data by node name.
		expect(Object.keys(harness.staticData()?.['node:Trigger'] as object)).toContain('seenDeliveries');
	});

	it('remembers across a restart every delivery recorded before it, even ones recorded concurrently', async () => {
		const parameters = { events: ['*'], deliveryOptions: { ignoreDuplicates: true } };
		harness = await startTriggerHarness({ nodeType: new ChurnSaverTrigger(), parameters, credentials });
		const ids = Array.from({ length: 6 }, (_, index) => `evt_before_restart_${index}`);
		await deliver({ ...sample, id: ids[0] });
		const answers = await Promise.all(ids.slice(1).map(async (id) => await deliver({ ...sample, id })));
		expect(answers.map(({ status }) => status)).toEqual([200, 200, 200, 200, 200]);
		expect(harness.emitted).toHaveLength(6);
		const saved = harness.staticData();
		await harness.close();

		// Another workflow id is another ledger: only the saved static data carries the keys over.
		harness = await startTriggerHarness({ nodeType: new ChurnSaverTrigger(), parameters, credentials, staticData: saved });
		for (const id of ids) expect((await deliver({ ...sample, id })).status).toBe(200);
		expect(harness.emitted).toHaveLength(0);
	});

	it('emits every delivery when the option is off (the default), and stores nothing', async () => {
		harness = await startTriggerHarness({ nodeType: new ChurnSaverTrigger(), parameters: { events: ['*'] }, credentials });
		await deliver(sample);
		await deliver(sample);
		expect(harness.emitted).toHaveLength(2);
		expect(harness.staticData()).toBeUndefined();
	});

	it('does not remember refused deliveries: a forged copy cannot block the genuine one', async () => {
		harness = await startTriggerHarness({ nodeType: new ChurnSaverTrigger(), parameters: { events: ['*'], deliveryOptions: { ignoreDuplicates: true } }, credentials });
		const body = JSON.stringify(sample);
		const forged = await post(harness.url, body, signedHeaders(churnSaver, body, 'not-the-secret'));
		expect(forged.status).toBe(401);
		expect((await deliver(sample)).status).toBe(200);
		expect(harness.emitted).toHaveLength(1);
	});
});

describe('an unsigned scheme without Verify Signature', () => {
	it('reads no credential, so nothing is logged about a missing one', async () => {
		const harness = await startTriggerHarness({
			nodeType: new ESahayakTrigger(),
			parameters: { events: ['*'], restrictToProviderIps: false },
		});
		try {
			await post(harness.url, '{}', { 'content-type': 'application/json' });
			expect(harness.logs.filter((line) => /credential/i.test(line.message))).toEqual([]);
		} finally {
			await harness.close();
		}
	});
});
