/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test code runs under jest on a developer machine, not inside n8n */
/**
 * n8n 1.x answers an accepted delivery before it records the execution, so a
 * 2xx does not mean the delivery is kept (README, Compatibility). Pinned here
 * without timing: while n8n's database is write-locked (it cannot record an
 * execution), n8n 1.x still answers a signed delivery with the trigger's 200,
 * and that delivery never gets an execution. n8n 2.40 answers the same
 * request 500 (it answers only once WorkflowRunner.run has registered the
 * execution), so the provider retries.
 *
 * An n8n of its own: locking the shared instance's database would stall the
 * other files of the project.
 */
import { churnSaver } from '../../../nodes/ChurnSaver/definition';
import { post, type PostResult } from '../../support/post';
import { N8N_1, bootN8n, type N8nInstance } from '../harness';
import { holdWriteLock } from '../harness/databaseLock';
import { allProviderCases, providerDelivery, publishProviderTrigger, triggerOutput } from '../harness/providerCases';

describe(`n8n ${N8N_1.n8nVersion}: the answer to an accepted delivery`, () => {
	let n8n: N8nInstance;
	let workflowId: string;
	let url: string;
	const secret = 'n8n1-answer-order-secret';
	const event = churnSaver.events[0];
	const deliver = (sample = event.sample) =>
		providerDelivery(churnSaver, { ...event, sample }, { url, secret, mode: 'signed', contentType: 'application/json' });

	beforeAll(async () => {
		n8n = await bootN8n({ target: N8N_1, label: 'n8n1-answer-order' });
		const [, entry] = allProviderCases().find(([, candidate]) => candidate.provider === churnSaver)!;
		({ workflowId, url } = await publishProviderTrigger(n8n, entry, { name: 'e2e-n8n1 answer order', secret, events: [event.name] }));
	});

	afterAll(async () => {
		await n8n?.stop();
	});

	it('is sent before the execution is recorded: a delivery n8n cannot record still gets 200 and is lost', async () => {
		const lost = { ...event.sample, id: 'lost-delivery' };
		const lock = await holdWriteLock(n8n.userFolder, n8n.state.install.installDir);
		let answer: PostResult;
		try {
			const { body, headers } = deliver(lost);
			answer = await post(url, body, headers);
			expect(await n8n.countExecutions(workflowId)).toBe(0);
		} finally {
			await lock.release();
		}
		expect({ status: answer.status, body: answer.json }).toEqual({ status: 200, body: { received: true } });

		// A barrier instead of a pause: a second delivery once the lock is gone. By the time its
		// execution has finished, a late execution of the first would be listed too.
		const kept = { ...event.sample, id: 'kept-delivery' };
		const { body, headers } = deliver(kept);
		expect((await post(url, body, headers)).status).toBe(200);
		const executions = await n8n.waitForExecutions(workflowId, 1);
		expect(executions.map(triggerOutput)).toEqual([kept]);
		expect(await n8n.countExecutions(workflowId)).toBe(1);
	});
});
