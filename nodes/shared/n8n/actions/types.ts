import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { ZodTypeAny } from 'zod';

/**
 * One operation: `actions/<resource>/<operation>.operation.ts`. `Binding` is
 * what the node binds its operations to once (the webhook operations' provider);
 * operations that need nothing ignore it.
 */
export interface Operation<Binding = undefined> {
	/**
	 * The operation's own fields. The node's builder shows them only for this
	 * resource and operation, so they carry no displayOptions for either. A
	 * function only where the fields depend on the binding (e.g. event lists).
	 */
	readonly properties: INodeProperties[] | ((binding: Binding) => INodeProperties[]);
	/**
	 * One output item's shape. The build writes it as JSON Schema to
	 * `__schema__/v<version>/<resource>/<operation>.json` beside the node, where
	 * n8n finds it to preview the output in the next node before this one runs.
	 */
	readonly output: ZodTypeAny;
	/** The operation's result for one input item. */
	execute(this: IExecuteFunctions, itemIndex: number, binding: Binding): Promise<IDataObject | IDataObject[]>;
}

/**
 * An operation as its resource lists it: the option the Operation selector
 * shows (written as an option, so n8n's lint checks its name, description and
 * action), then the operation module spread in.
 */
export interface ResourceOperation<Binding = undefined> extends Operation<Binding> {
	readonly value: string;
	readonly name: string;
	readonly description: string;
	/** The text n8n shows for the operation in the nodes panel and to AI agents, e.g. `Get a member`. */
	readonly action: string;
	/** Marks the Operation selector's default; without one, the first operation is. */
	readonly isDefault?: boolean;
}

export interface Resource<Binding = undefined> {
	readonly value: string;
	readonly name: string;
	readonly description: string;
	/** In the order their fields appear; the selector lists them alphabetically. */
	readonly operations: readonly ResourceOperation<Binding>[];
}

/** Everything an action node can do: its resources (the first is the default), and what its operations are bound to. */
export interface NodeActions<Binding = undefined> {
	readonly binding: Binding;
	readonly resources: readonly Resource<Binding>[];
}
