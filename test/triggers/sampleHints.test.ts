import { Workflow, type INodeParameters, type NodeHint } from 'n8n-workflow';

import { SAMPLE_HINT_GROUP, sampleItem } from '../../nodes/shared/n8n/sampleHints';
import { OPTIONS_PARAMETER } from '../../nodes/shared/n8n/triggerProperties';
import { ALL_EVENTS } from '../../nodes/shared/pipeline/settings';
import { nodeOf, nodeTypesOf } from '../support/n8nHost';
import { discoverProviders, loadProviderNodes } from '../support/providers';

/**
 * Before a trigger's first run, its output pane shows the sample item of each
 * selected event (n8n shows no schema preview for triggers). The hints'
 * display conditions are n8n expressions, evaluated here by n8n-workflow as the
 * editor evaluates them (useNodeHelpers' getNodeHints).
 */
const providers = discoverProviders().map(
	({ folder, provider }) => [provider.displayName, provider, loadProviderNodes(folder, provider).trigger()] as const,
);

/** The JSON inside a hint's `<pre>`, unescaped as the browser would, or undefined for the explanatory line. */
function jsonOf(hint: NodeHint): unknown {
	const match = /<pre>([\s\S]*)<\/pre>/.exec(hint.message);
	if (!match) return undefined;
	return JSON.parse(match[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
}

describe.each(providers)('%s Trigger', (_name, provider, trigger) => {
	const hints = trigger.description.hints ?? [];

	/** The hints n8n shows for these parameters, as the editor decides. */
	function shownFor(parameters: INodeParameters): NodeHint[] {
		const node = nodeOf(trigger, parameters, {}, { id: 'trigger', name: 'Trigger' });
		const workflow = new Workflow({
			nodes: [node],
			connections: {},
			active: false,
			nodeTypes: nodeTypesOf(trigger),
		});
		return hints.filter((hint) => {
			const shown = workflow.expression.getParameterValue(hint.displayCondition!, null, 0, 0, node.name, [], 'manual', {});
			expect(typeof shown).toBe('boolean');
			return shown === true;
		});
	}

	const samplesIn = (shown: NodeHint[]) => shown.map(jsonOf).filter((json) => json !== undefined);

	it('offers every event and connection test its sample item, in the output pane before the first run, in one folded group', () => {
		const events = [...provider.events, ...(provider.connectionTestEvents ?? [])];
		expect(samplesIn(hints)).toEqual(events.map((event) => sampleItem(provider, event)));
		for (const hint of hints) {
			expect(hint).toMatchObject({
				location: 'outputPane',
				whenToDisplay: 'beforeExecution',
				group: { key: SAMPLE_HINT_GROUP },
			});
		}
	});

	it('shows nothing while no event is selected', () => {
		expect(shownFor({ events: [] })).toEqual([]);
	});

	it.each(provider.events.map((event) => [event.name, event] as const))(
		'shows the sample of %s, with the explanation that keeps the group folded',
		(_event, event) => {
			const shown = shownFor({ events: [event.name] });
			expect(shown).toHaveLength(2);
			expect(samplesIn(shown)).toEqual([sampleItem(provider, event)]);
		},
	);

	it('shows every event under All Events, folded', () => {
		expect(samplesIn(shownFor({ events: [ALL_EVENTS] }))).toEqual(provider.events.map((event) => sampleItem(provider, event)));
	});

	if (provider.connectionTestEvents?.length) {
		it('adds the connection tests only while they are emitted', () => {
			const [first] = provider.events;
			const tests = provider.connectionTestEvents!.map((event) => sampleItem(provider, event));
			expect(samplesIn(shownFor({ events: [first.name] }))).toEqual([sampleItem(provider, first)]);
			expect(
				samplesIn(
					shownFor({
						events: [first.name],
						[OPTIONS_PARAMETER]: { emitConnectionTests: true },
					}),
				),
			).toEqual([sampleItem(provider, first), ...tests]);
		});
	}
});
