import type { NodeHint } from 'n8n-workflow';

import { deliveryKeyOf } from '../pipeline/dedupe';
import { DELIVERY_ID_KEY } from '../pipeline/processDelivery';
import { ALL_EVENTS } from '../pipeline/settings';
import type { EventDefinition, JsonObject, ProviderDefinition } from '../provider';
import { OPTIONS_PARAMETER } from './triggerProperties';

/**
 * Each event's sample, where the user sets mock data. n8n 2.40 has no hook for
 * a node's mock data and shows no schema preview for triggers, and "Set Mock
 * Data" starts from generic items; so the trigger's output pane shows, before
 * its first run, the item each selected event would produce, to be copied into
 * that editor. Hints render sanitised HTML (a parameter notice keeps only links
 * and lists), so the JSON goes in a `<pre>`; the hints share one group, which
 * n8n shows as one line until clicked, so "All Events" is not a wall of JSON.
 */
export const SAMPLE_HINT_GROUP = 'eventSamples';

const SUMMARY = 'Sample items of the selected events, to copy into Set Mock Data (click to show)';

/** The item the trigger emits for `event`'s sample delivered as compact JSON (the contract test checks it). */
export function sampleItem(provider: ProviderDefinition, event: EventDefinition): JsonObject {
	const headers = provider.deliveryHeaders?.(event, event.sample) ?? {};
	const providerId = provider.deliveryIdOf?.(event.sample, headers);
	return {
		...event.sample,
		[DELIVERY_ID_KEY]: deliveryKeyOf(providerId, Buffer.from(JSON.stringify(event.sample))),
	};
}

function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An n8n expression literal for a string. */
const literal = (text: string) => JSON.stringify(text);

function hint(message: string, condition: string): NodeHint {
	return {
		message,
		type: 'info',
		location: 'outputPane',
		whenToDisplay: 'beforeExecution',
		displayCondition: `={{ ${condition} }}`,
		group: { key: SAMPLE_HINT_GROUP, summary: SUMMARY },
	};
}

function sampleHint(provider: ProviderDefinition, event: EventDefinition, condition: string): NodeHint {
	const json = JSON.stringify(sampleItem(provider, event), null, 2);
	return hint(`<strong>${escapeHtml(event.name)}</strong><pre>${escapeHtml(json)}</pre>`, condition);
}

const selected = (name: string) => `$parameter.events.includes(${literal(name)})`;

/**
 * The trigger's hints: one per event, shown while the event (or All Events) is
 * selected, one per connection-test event while those are emitted, and a line
 * that says what the samples are for. That line is always in the group with at
 * least one sample, so the group stays folded even for a single event.
 */
export function sampleHints(provider: ProviderDefinition): NodeHint[] {
	const anySelected = '$parameter.events.length > 0';
	const testsEmitted = `$parameter.${OPTIONS_PARAMETER}.emitConnectionTests === true`;
	return [
		hint(
			'Each item is what this trigger outputs for that event. Until a real event arrives, copy one into <strong>set mock data</strong> (below) and save: n8n pins it, and the next nodes can be built against it.',
			anySelected,
		),
		...provider.events.map((event) => sampleHint(provider, event, `${selected(ALL_EVENTS)} || ${selected(event.name)}`)),
		...(provider.connectionTestEvents ?? []).map((event) => sampleHint(provider, event, `${anySelected} && ${testsEmitted}`)),
	];
}
