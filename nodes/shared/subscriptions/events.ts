import type { EventDefinition } from '../provider';
import { ALL_EVENTS } from '../pipeline/settings';

/**
 * The event names to subscribe to for a selection: `*` stands for every event
 * in the catalogue; anything else is kept once, in the catalogue's order, with
 * names the catalogue does not know (yet) after them.
 */
export function expandEvents(selected: readonly string[], catalogue: readonly EventDefinition[]): string[] {
	const known = catalogue.map((event) => event.name);
	if (selected.includes(ALL_EVENTS)) return known;
	const chosen = new Set(selected);
	return [...known.filter((name) => chosen.has(name)), ...[...chosen].filter((name) => !known.includes(name))];
}

export function sameEvents(a: readonly string[], b: readonly string[]): boolean {
	const left = new Set(a);
	const right = new Set(b);
	return left.size === right.size && [...left].every((name) => right.has(name));
}
