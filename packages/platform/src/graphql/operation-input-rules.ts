import { MapperKind, mapSchema } from '@graphql-tools/utils';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  getArgumentValues,
  getNullableType,
  getVariableValues,
  type GraphQLArgument,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLSchema,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { Extensions } from 'type-graphql';
import { BadUserInputError } from './errors';
import { isUuid } from './input-checks';

/**
 * The one input layer of every subgraph. Before an operation runs (so before any SQL), every
 * argument it passes, variables resolved, is checked against rules that hold for the whole graph:
 *
 * - no string holds the NUL character (PostgreSQL cannot store it in text), nor half of a
 *   surrogate pair (a JSON string may: `"\ud800"`; stored as UTF-8 it silently became U+FFFD);
 * - every `ID` is a UUID (every Klynge entity's id is one);
 * - no string is longer, and no list has more items, than its limit: {@link DEFAULT_INPUT_LIMITS}
 *   unless the input field declares a tighter one with {@link Limits}. The SDL states each list's
 *   limit and each declared one in the description, so clients can read them.
 *
 * A broken rule is BAD_USER_INPUT naming the field, and the operation does not run at all. The
 * field is named as the services name it: by its path inside a mutation's `input` argument
 * (`sectors[3]`, `knowledgeTransfer.source`), otherwise from the argument (`id`, `filter.text`).
 * Rules that belong to one field's meaning (a date, an amount, an organisation number) stay with
 * the service's use case, which names the field the same way.
 */

export interface InputLimits {
  /** Most items in a list. */
  readonly maxItems?: number;
  /** Most characters in a string. */
  readonly maxLength?: number;
}

export const DEFAULT_INPUT_LIMITS: Required<InputLimits> = { maxItems: 100, maxLength: 10_000 };

const LIMITS_EXTENSION = 'klyngeInputLimits';

/** Tighter limits on one input field (of an input type or an args type). */
export function Limits(limits: InputLimits): PropertyDecorator {
  return Extensions({ [LIMITS_EXTENSION]: limits });
}

/** Declared limits by schema coordinate: `Input.field` or `Type.field(argument:)`. */
export type DeclaredLimits = ReadonlyMap<string, InputLimits>;

const fieldCoordinate = (typeName: string, fieldName: string) => `${typeName}.${fieldName}`;
const argumentCoordinate = (typeName: string, fieldName: string, argumentName: string) => `${typeName}.${fieldName}(${argumentName}:)`;

/** The limits declared with {@link Limits} in a schema built by type-graphql. */
export function declaredLimits(schema: GraphQLSchema): DeclaredLimits {
  const limits = new Map<string, InputLimits>();
  const read = (coordinate: string, extensions: Readonly<Record<string, unknown>>) => {
    const declared = extensions[LIMITS_EXTENSION] as InputLimits | undefined;
    if (declared) limits.set(coordinate, declared);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) read(fieldCoordinate(type.name, field.name), field.extensions);
    } else if ('getFields' in type) {
      for (const field of Object.values(type.getFields())) {
        for (const argument of (field as { args?: readonly GraphQLArgument[] }).args ?? []) {
          read(argumentCoordinate(type.name, field.name, argument.name), argument.extensions);
        }
      }
    }
  }
  return limits;
}

/** The schema with each list's limit, and each declared one, said in the description. */
export function documentLimits(schema: GraphQLSchema, declared: DeclaredLimits): GraphQLSchema {
  const describe = <T extends { description?: string | null | undefined; type: GraphQLInputType }>(config: T, coordinate: string): T => {
    const sentence = limitSentence(config.type, declared.get(coordinate));
    if (!sentence) return config;
    const description = config.description?.trim();
    return { ...config, description: description ? `${description}${/[.!?]$/.test(description) ? '' : '.'} ${sentence}` : sentence };
  };
  return mapSchema(schema, {
    [MapperKind.INPUT_OBJECT_FIELD]: (config, fieldName, typeName) => describe(config, fieldCoordinate(typeName, fieldName)),
    [MapperKind.COMPOSITE_FIELD]: (config, fieldName, typeName) => ({
      ...config,
      args: Object.fromEntries(
        Object.entries(config.args ?? {}).map(([name, argument]) => [
          name,
          describe(argument, argumentCoordinate(typeName, fieldName, name)),
        ]),
      ),
    }),
  });
}

function limitSentence(type: GraphQLInputType, declared: InputLimits | undefined): string | undefined {
  const parts: string[] = [];
  if (isListType(getNullableType(type))) parts.push(`at most ${declared?.maxItems ?? DEFAULT_INPUT_LIMITS.maxItems} items`);
  if (declared?.maxLength !== undefined) parts.push(`at most ${declared.maxLength} characters${parts.length > 0 ? ' each' : ''}`);
  if (parts.length === 0) return undefined;
  const text = parts.join(', ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

/** Input layers by schema: set when a subgraph's schema is built, read by its server. */
const layers = new WeakMap<GraphQLSchema, DeclaredLimits>();

export function attachInputLayer(schema: GraphQLSchema, declared: DeclaredLimits): void {
  layers.set(schema, declared);
}

/**
 * Checks every argument `operation` passes (through its fragments too), with `variables`;
 * throws BAD_USER_INPUT for the first rule broken. Variables that do not fit their types are
 * left to GraphQL's own check, which runs next.
 */
export function checkOperationInput(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>>,
): void {
  const declared = layers.get(schema) ?? new Map<string, InputLimits>();
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables, { maxErrors: 1 });
  if (coerced.errors) return;
  const variableValues = coerced.coerced;
  const typeInfo = new TypeInfo(schema);
  // The operation and the fragments it uses, each once: the work grows with the document.
  const fragments = new Map(
    document.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const used = usedFragments(operation.selectionSet, fragments);
  for (const definition of [operation, ...used]) {
    visit(
      definition,
      visitWithTypeInfo(typeInfo, {
        Field(node) {
          const field = typeInfo.getFieldDef();
          const parent = typeInfo.getParentType();
          if (!field || !parent || field.args.length === 0 || !node.arguments?.length) return;
          // The gateway's references: checked by each reference resolver (see batchedReference).
          if (parent.name === 'Query' && field.name === '_entities') return;
          let values: Record<string, unknown>;
          try {
            values = getArgumentValues(field, node, variableValues);
          } catch {
            return; // GraphQL's own validation reports it
          }
          for (const argument of field.args) {
            if (values[argument.name] === undefined) continue;
            checkValue(values[argument.name], argument.type, {
              path: argument.name === 'input' ? '' : argument.name,
              limits: declared.get(argumentCoordinate(parent.name, field.name, argument.name)),
              declared,
            });
          }
        },
      }),
    );
  }
}

function usedFragments(selectionSet: SelectionSetNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): FragmentDefinitionNode[] {
  const found = new Map<string, FragmentDefinitionNode>();
  const pending = [selectionSet];
  while (pending.length > 0) {
    visit(pending.pop()!, {
      FragmentSpread(node) {
        const fragment = fragments.get(node.name.value);
        if (fragment && !found.has(fragment.name.value)) {
          found.set(fragment.name.value, fragment);
          pending.push(fragment.selectionSet);
        }
      },
    });
  }
  return [...found.values()];
}

interface Place {
  /** What `extensions.field` names; empty for a whole `input` argument. */
  readonly path: string;
  readonly limits: InputLimits | undefined;
  readonly declared: DeclaredLimits;
}

function checkValue(value: unknown, type: GraphQLInputType, place: Place): void {
  if (value === null || value === undefined) return;
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    const maxItems = place.limits?.maxItems ?? DEFAULT_INPUT_LIMITS.maxItems;
    const items = Array.isArray(value) ? value : [value];
    if (items.length > maxItems) throw refused(place, `must have at most ${maxItems} items`);
    items.forEach((item, index) => checkValue(item, inner.ofType, { ...place, path: `${place.path}[${index}]` }));
    return;
  }
  if (isInputObjectType(inner)) {
    const fields: Record<string, GraphQLInputField> = inner.getFields();
    for (const [name, field] of Object.entries(fields)) {
      const fieldValue = (value as Record<string, unknown>)[name];
      if (fieldValue === undefined) continue;
      checkValue(fieldValue, field.type, {
        path: place.path ? `${place.path}.${name}` : name,
        limits: place.declared.get(fieldCoordinate(inner.name, name)),
        declared: place.declared,
      });
    }
    return;
  }
  if (!isScalarType(inner) || typeof value !== 'string') return;
  if (value.includes('\u0000')) throw refused(place, 'must not contain the NUL character (\\u0000)');
  if (LONE_SURROGATE.test(value)) throw refused(place, 'must be well-formed Unicode: it holds half of a surrogate pair');
  if (inner.name === 'ID' && !isUuid(value)) throw refused(place, 'must be a UUID');
  // One spelling per id: ids are compared as text (ownership, read models), so no upper case.
  if (inner.name === 'ID' && value !== value.toLowerCase()) throw refused(place, 'must be a UUID written in lower case');
  const maxLength = place.limits?.maxLength ?? DEFAULT_INPUT_LIMITS.maxLength;
  if (value.length > maxLength) throw refused(place, `must be at most ${maxLength} characters`);
}

/** With the `u` flag a surrogate matches only when it is not half of a pair. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

function refused(place: Place, rule: string): BadUserInputError {
  const field = place.path || 'input';
  return new BadUserInputError(field, `${field} ${rule}`);
}
