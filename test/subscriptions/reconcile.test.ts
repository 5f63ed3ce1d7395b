import { z } from 'zod';

import type { EventDefinition } from '../../nodes/shared/provider';
import { expandEvents, sameEvents } from '../../nodes/shared/subscriptions/events';
import { readSubscription, readSubscriptionList, sameUrl, toRemoteSubscription } from '../../nodes/shared/subscriptions/normalise';
import { differencesFrom, planCheck } from '../../nodes/shared/subscriptions/reconcile';
import type { RemoteSubscription } from '../../nodes/shared/subscriptions/types';

const catalogue: EventDefinition[] = ['a.created', 'a.updated', 'b.deleted'].map((name) => ({
	name,
	description: name,
	schema: z.object({}),
	sample: {},
}));

const URL_ = 'https://n8n.example/webhook/abc/webhook';
const desired = { url: URL_, events: ['a.created', 'b.deleted'] };

function remote(id: string, fields: Partial<Omit<RemoteSubscription, 'id' | 'raw'>> = {}): RemoteSubscription {
	const value = { url: URL_, events: ['b.deleted', 'a.created'], active: true, ...fields };
	return { id, ...value, raw: { id, ...value } };
}

describe('expandEvents', () => {
	it('expands * to every catalogue event, in catalogue order', () => {
		expect(expandEvents(['*'], catalogue)).toEqual(['a.created', 'a.updated', 'b.deleted']);
		expect(expandEvents(['b.deleted', '*'], catalogue)).toEqual(['a.created', 'a.updated', 'b.deleted']);
	});

	it('keeps exactly the selected events once, catalogue order first, unknown names after', () => {
		expect(expandEvents(['b.deleted', 'a.created', 'b.deleted'], catalogue)).toEqual(['a.created', 'b.deleted']);
		expect(expandEvents(['c.new', 'a.updated'], catalogue)).toEqual(['a.updated', 'c.new']);
		expect(expandEvents([], catalogue)).toEqual([]);
	});

	it('compares event lists as sets', () => {
		expect(sameEvents(['a', 'b'], ['b', 'a', 'a'])).toBe(true);
		expect(sameEvents(['a', 'b'], ['a'])).toBe(false);
		expect(sameEvents(['a'], ['a', 'c'])).toBe(false);
	});
});

describe('response normalisation', () => {
	it('reads { webhooks: [...] } as documented, and a bare array', () => {
		const body = { webhooks: [{ id: 'webhook-123', url: URL_, events: ['a.created'], active: true, lastTriggered: 'x' }] };
		const reading = readSubscriptionList(body, 'webhooks');
		expect(reading).toEqual({
			ok: true,
			subscriptions: [{ id: 'webhook-123', url: URL_, events: ['a.created'], active: true, raw: body.webhooks[0] }],
		});
		expect(readSubscriptionList([{ id: 7, url: URL_ }], 'webhooks')).toMatchObject({ ok: true, subscriptions: [{ id: '7' }] });
	});

	it('leaves out entries it cannot manage and reports a wrong shape', () => {
		expect(readSubscriptionList({ webhooks: [{ url: URL_ }, null, 'x', { id: '' }, { id: 'ok' }] }, 'webhooks')).toMatchObject({
			ok: true,
			subscriptions: [{ id: 'ok' }],
		});
		expect(readSubscriptionList({ items: [] }, 'webhooks')).toEqual({ ok: false, problem: 'expected a JSON object with a "webhooks" array' });
		expect(readSubscriptionList('<html>', 'webhooks').ok).toBe(false);
	});

	it('treats a listing without "active" as active, and keeps missing events as unknown', () => {
		expect(toRemoteSubscription({ id: 'x', url: URL_ })).toMatchObject({ active: true, events: undefined });
		expect(toRemoteSubscription({ id: 'x', active: false })?.active).toBe(false);
	});

	it('reads a create/update answer bare or wrapped', () => {
		expect(readSubscription({ id: 'a' }, 'webhooks')?.id).toBe('a');
		expect(readSubscription({ webhook: { id: 'b' } }, 'webhooks')?.id).toBe('b');
		expect(readSubscription({ data: { id: 'c' } }, 'webhooks')?.id).toBe('c');
		expect(readSubscription({ hook: { id: 'd' } }, 'hooks')?.id).toBe('d');
		expect(readSubscription({ success: true }, 'webhooks')).toBeUndefined();
		expect(readSubscription(undefined, 'webhooks')).toBeUndefined();
	});

	it('compares URLs without a trailing slash only', () => {
		expect(sameUrl(`${URL_}/`, URL_)).toBe(true);
		expect(sameUrl(URL_.toUpperCase(), URL_)).toBe(false);
		expect(sameUrl(undefined, URL_)).toBe(false);
	});
});

describe('differencesFrom', () => {
	it('names every field that differs', () => {
		expect(differencesFrom(desired, remote('1'))).toEqual([]);
		expect(differencesFrom(desired, remote('1', { url: 'https://other.example/' }))).toEqual(['url']);
		expect(differencesFrom(desired, remote('1', { events: ['a.created'] }))).toEqual(['events']);
		expect(differencesFrom(desired, remote('1', { events: undefined }))).toEqual(['events']);
		expect(differencesFrom(desired, remote('1', { active: false }))).toEqual(['active']);
	});
});

describe('planCheck', () => {
	it('keeps the stored subscription when it is exactly right', () => {
		expect(planCheck({ storedId: '1', desired, remote: [remote('1'), remote('9', { url: 'https://x.example/' })], credentialHasSecret: false })).toEqual({
			action: 'keep',
			subscription: remote('1'),
			remove: [],
		});
	});

	it('repairs the stored subscription in place and removes duplicates for the URL', () => {
		const plan = planCheck({
			storedId: '1',
			desired,
			remote: [remote('1', { active: false, events: ['a.created'] }), remote('2')],
			credentialHasSecret: true,
		});
		expect(plan).toMatchObject({ action: 'update', fields: ['events', 'active'], adopted: false, subscription: { id: '1' } });
		expect(plan.remove.map((entry) => entry.id)).toEqual(['2']);
	});

	it('re-sends the secret when the secret changed', () => {
		expect(planCheck({ storedId: '1', desired, remote: [remote('1')], credentialHasSecret: true, secretChanged: true })).toMatchObject({
			action: 'update',
			fields: ['secret'],
		});
	});

	it('creates when nothing was registered, or the stored one is gone', () => {
		expect(planCheck({ desired, remote: [], credentialHasSecret: true })).toEqual({ action: 'create', reason: 'not_registered', remove: [] });
		expect(planCheck({ storedId: '1', desired, remote: [remote('2', { url: 'https://x.example/' })], credentialHasSecret: false })).toEqual({
			action: 'create',
			reason: 'gone',
			remove: [],
		});
	});

	it('adopts a subscription for the URL only when the credential holds the secret, preferring an exact one', () => {
		const candidates = [remote('5', { active: false }), remote('6'), remote('7', { events: ['a.updated'] })];
		const adopted = planCheck({ desired, remote: candidates, credentialHasSecret: true });
		expect(adopted).toMatchObject({ action: 'update', adopted: true, subscription: { id: '6' }, fields: ['secret'] });
		expect(adopted.remove.map((entry) => entry.id)).toEqual(['5', '7']);

		const replaced = planCheck({ storedId: 'old', desired, remote: candidates, credentialHasSecret: false });
		expect(replaced).toMatchObject({ action: 'create', reason: 'secret_unknown' });
		expect(replaced.remove.map((entry) => entry.id)).toEqual(['5', '6', '7']);
	});

	it('adopts the active one when none is exact, and repairs what differs', () => {
		const plan = planCheck({ desired, remote: [remote('5', { active: false }), remote('6', { events: ['a.updated'] })], credentialHasSecret: true });
		expect(plan).toMatchObject({ action: 'update', subscription: { id: '6' }, fields: ['events', 'secret'] });
	});
});
