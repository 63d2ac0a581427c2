import { createHash } from 'node:crypto';
import type express from 'express';
import {
  type DefinitionNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  Kind,
  parse,
  type SelectionSetNode,
} from 'graphql';
import { LRUCache } from 'lru-cache';

/**
 * Cheap limits on the parsed document, checked before graphql-js validates it. Validation is not
 * linear in the document: OverlappingFieldsCanBeMergedRule compares every pair of fields that share
 * a response name once fragments are merged in (300 fragments alternating `a: slug` / `a: name`,
 * 13 KB, took 0.2 s), and graphql-js 16 recurses through a fragment cycle before
 * NoFragmentCyclesRule can refuse it (103 fragments spreading each other overflowed the stack and
 * answered 500). Each check here is one pass over the document, with each fragment measured once,
 * as Apollo Router does its `limits` ahead of validation.
 */
export interface DocumentLimits {
  /** Most fragment definitions in one document. */
  readonly maxFragments: number;
  /** Most selections an operation or fragment expands to, fragments counted each time they are spread. */
  readonly maxSelections: number;
  /** Most fields sharing one response name in one selection set, fragments merged in. */
  readonly maxRepeatedField: number;
}

/** Why a document is refused before validation: its error's `extensions.code`, and what to say. */
export interface DocumentRefusal {
  readonly code: 'TOO_MANY_FRAGMENTS' | 'FRAGMENT_CYCLE' | 'QUERY_TOO_LARGE' | 'TOO_MANY_REPEATED_FIELDS';
  readonly message: string;
}

/** The fragment spreads directly inside a selection set (not inside fields of other fragments). */
function spreadsIn(selectionSet: SelectionSetNode): string[] {
  const names: string[] = [];
  const pending = [selectionSet];
  for (let set = pending.pop(); set; set = pending.pop()) {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) names.push(selection.name.value);
      else if (selection.selectionSet) pending.push(selection.selectionSet);
    }
  }
  return names;
}

const isFragment = (definition: DefinitionNode): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION;

/**
 * A fragment cycle, as the names along it (`A -> B -> A`), or undefined: a depth-first walk with an
 * explicit stack, so a long chain cannot overflow the call stack either. Linear in the spreads.
 */
export function findFragmentCycle(fragments: ReadonlyMap<string, FragmentDefinitionNode>): string[] | undefined {
  const spreads = new Map([...fragments].map(([name, fragment]) => [name, spreadsIn(fragment.selectionSet)]));
  // 1: on the current path; 2: done, no cycle through it.
  const state = new Map<string, 1 | 2>();
  for (const start of fragments.keys()) {
    if (state.has(start)) continue;
    const path: { name: string; next: number }[] = [{ name: start, next: 0 }];
    state.set(start, 1);
    while (path.length > 0) {
      const top = path[path.length - 1]!;
      const targets = spreads.get(top.name) ?? [];
      if (top.next >= targets.length) {
        state.set(top.name, 2);
        path.pop();
        continue;
      }
      const target = targets[top.next++]!;
      // A spread of a fragment the document does not define is validation's to report.
      if (!fragments.has(target) || state.get(target) === 2) continue;
      if (state.get(target) === 1) {
        const from = path.findIndex((step) => step.name === target);
        return [...path.slice(from).map((step) => step.name), target];
      }
      state.set(target, 1);
      path.push({ name: target, next: 0 });
    }
  }
  return undefined;
}

/**
 * Checks `document` against `limits`; answers why it is refused, or undefined when validation may
 * go ahead. Every operation is measured with the fragments it spreads, and so is every fragment
 * no operation spreads (validation walks those too). Runs in time that grows with the document and
 * the limits, whatever the document expands to.
 */
export function checkDocument(document: DocumentNode, limits: DocumentLimits): DocumentRefusal | undefined {
  const fragmentList = document.definitions.filter(isFragment);
  if (fragmentList.length > limits.maxFragments) {
    return {
      code: 'TOO_MANY_FRAGMENTS',
      message: `The document defines ${fragmentList.length} fragments; at most ${limits.maxFragments} are allowed`,
    };
  }
  const fragments = new Map(fragmentList.map((fragment) => [fragment.name.value, fragment]));
  const cycle = findFragmentCycle(fragments);
  if (cycle) {
    return { code: 'FRAGMENT_CYCLE', message: `Fragments may not spread themselves: ${cycle.join(' -> ')}` };
  }

  // Acyclic from here on, so each fragment's expanded size is a finite sum, memoised.
  const expanded = new Map<string, number>();
  const sizeOf = (root: SelectionSetNode): number => {
    // Children before parents, without recursion: a document may nest a few thousand levels within its token limit.
    const order: SelectionSetNode[] = [];
    const pending = [root];
    for (let set = pending.pop(); set; set = pending.pop()) {
      order.push(set);
      for (const selection of set.selections) if (selection.kind !== Kind.FRAGMENT_SPREAD) pending.push(selection.selectionSet!);
    }
    const sizes = new Map<SelectionSetNode, number>();
    for (const set of order.reverse()) {
      let size = 0;
      for (const selection of set.selections) {
        if (selection.kind === Kind.FRAGMENT_SPREAD) size += fragmentSize(selection.name.value);
        else size += (selection.kind === Kind.FIELD ? 1 : 0) + (selection.selectionSet ? sizes.get(selection.selectionSet)! : 0);
      }
      sizes.set(set, Math.min(size, Number.MAX_SAFE_INTEGER));
    }
    return sizes.get(root)!;
  };
  const fragmentSize = (name: string): number => {
    const known = expanded.get(name);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    // Walked spreads-first (topological order below), so a defined fragment is measured already.
    const size = fragment ? sizeOf(fragment.selectionSet) : 0;
    expanded.set(name, size);
    return size;
  };
  for (const name of spreadOrder(fragments)) fragmentSize(name);

  // What validation walks: every operation with what it spreads, and the fragments no operation
  // spreads (validation refuses those, after walking them). Their total bounds the work below.
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  const reached = new Set<string>();
  const pending = operations.flatMap((operation) => spreadsIn(operation.selectionSet));
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    const fragment = fragments.get(name);
    if (!fragment || reached.has(name)) continue;
    reached.add(name);
    pending.push(...spreadsIn(fragment.selectionSet));
  }
  const roots = [...operations, ...fragmentList.filter((fragment) => !reached.has(fragment.name.value))];
  let total = 0;
  for (const root of roots) {
    total += root.kind === Kind.FRAGMENT_DEFINITION ? fragmentSize(root.name.value) : sizeOf(root.selectionSet);
    if (total > limits.maxSelections) {
      return {
        code: 'QUERY_TOO_LARGE',
        message: `The document expands to more than ${limits.maxSelections} selections with its fragments spread (${describe(root)} reaches ${total})`,
      };
    }
  }
  for (const root of roots) {
    const repeated = mostRepeatedField(root.selectionSet, fragments);
    if (repeated.count > limits.maxRepeatedField) {
      return {
        code: 'TOO_MANY_REPEATED_FIELDS',
        message: `${describe(root)} selects "${repeated.name}" ${repeated.count} times in one selection set, fragments merged; at most ${limits.maxRepeatedField} are allowed`,
      };
    }
  }
  return undefined;
}

function describe(definition: { kind: Kind; name?: { value: string } | undefined }): string {
  if (definition.kind === Kind.FRAGMENT_DEFINITION) return `Fragment ${definition.name!.value}`;
  return definition.name ? `Operation ${definition.name.value}` : 'The operation';
}

/** Fragments in an order where each comes after every fragment it spreads (the document is acyclic). */
function spreadOrder(fragments: ReadonlyMap<string, FragmentDefinitionNode>): string[] {
  const order: string[] = [];
  const placed = new Set<string>();
  for (const start of fragments.keys()) {
    const pending: { name: string; expanded: boolean }[] = [{ name: start, expanded: false }];
    while (pending.length > 0) {
      const step = pending.pop()!;
      if (placed.has(step.name)) continue;
      if (step.expanded) {
        placed.add(step.name);
        order.push(step.name);
        continue;
      }
      pending.push({ name: step.name, expanded: true });
      for (const target of spreadsIn(fragments.get(step.name)!.selectionSet)) {
        if (fragments.has(target) && !placed.has(target)) pending.push({ name: target, expanded: false });
      }
    }
  }
  return order;
}

/**
 * The response name selected most often in one selection set once fragments are merged in, and
 * the sub-selections of same-named fields merged in turn (as validation and execution merge them).
 * A fragment spread twice into the same merged set counts once, as graphql-js collects it. Visits
 * each field of the expanded selection at most once, so the size check above bounds the work.
 */
export function mostRepeatedField(
  root: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
): { name: string; count: number } {
  let most = { name: '', count: 0 };
  const pending: SelectionSetNode[][] = [[root]];
  for (let merged = pending.pop(); merged; merged = pending.pop()) {
    const byName = new Map<string, FieldNode[]>();
    const spread = new Set<string>();
    const sets = [...merged];
    for (let set = sets.pop(); set; set = sets.pop()) {
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          const name = selection.alias?.value ?? selection.name.value;
          const fields = byName.get(name);
          if (fields) fields.push(selection);
          else byName.set(name, [selection]);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) sets.push(selection.selectionSet);
        else if (!spread.has(selection.name.value)) {
          spread.add(selection.name.value);
          const fragment = fragments.get(selection.name.value);
          if (fragment) sets.push(fragment.selectionSet);
        }
      }
    }
    for (const [name, fields] of byName) {
      if (fields.length > most.count) most = { name, count: fields.length };
      const children = fields.flatMap((field) => (field.selectionSet ? [field.selectionSet] : []));
      if (children.length > 0) pending.push(children);
    }
  }
  return most;
}

/** How many documents' verdicts documentLimits remembers. */
const REMEMBERED_VERDICTS = 2_000;

/**
 * The checks above for every document a request carries (a POST body, each operation of a batch,
 * or a GET's `query`), before Apollo Server parses and validates it: a refused one is answered
 * 400 with the refusal's code here. A document that does not parse goes on, for Apollo Server to
 * answer with its syntax error. `trusted` documents (the registered ones) are known to pass.
 *
 * Parsing is most of the cost (about 1 ms for 3,600 tokens; the checks themselves well under
 * that), so verdicts are remembered by the document's SHA-256 (some 15 µs): a client that sends
 * the same document again, hostile or not, is not parsed again here.
 */
export function documentLimits(options: {
  readonly limits: DocumentLimits;
  readonly maxTokens: number;
  readonly trusted: ReadonlySet<string>;
  readonly onRefused: (code: DocumentRefusal['code']) => void;
}): express.RequestHandler {
  const { limits, maxTokens, trusted, onRefused } = options;
  const verdicts = new LRUCache<string, DocumentRefusal | 'accepted'>({ max: REMEMBERED_VERDICTS });
  const refusalOf = (query: unknown): DocumentRefusal | undefined => {
    if (typeof query !== 'string' || trusted.has(query)) return undefined;
    const key = createHash('sha256').update(query).digest('base64');
    const known = verdicts.get(key);
    if (known !== undefined) return known === 'accepted' ? undefined : known;
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens, noLocation: true });
    } catch {
      return undefined;
    }
    const refusal = checkDocument(document, limits);
    verdicts.set(key, refusal ?? 'accepted');
    return refusal;
  };
  return (request, response, next) => {
    let refusal: DocumentRefusal | undefined;
    if (request.method === 'GET') refusal = refusalOf(new URL(request.url, 'http://gateway').searchParams.get('query') ?? undefined);
    else if (request.method === 'POST' && request.body && typeof request.body === 'object') {
      for (const operation of (Array.isArray(request.body) ? request.body : [request.body]) as unknown[]) {
        refusal = refusalOf((operation as { query?: unknown } | null)?.query);
        if (refusal) break;
      }
    }
    if (!refusal) return next();
    onRefused(refusal.code);
    response.status(400).json({ errors: [{ message: refusal.message, extensions: { code: refusal.code } }] });
  };
}
