import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { eventSchemaDir } from '@klynge/schemas';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { type EventContract, eventTypeName } from './event-contract';
import type { EventEnvelope } from './event-envelope';

export class EventValidationError extends Error {
  override readonly name = 'EventValidationError';

  constructor(
    readonly subject: string,
    readonly problems: readonly string[],
  ) {
    super(`${subject} is invalid: ${problems.join('; ')}`);
  }
}

/**
 * An event whose type is not one its topic carries: no schema for it in the topic's folder. A
 * topic's types are the ones its owning service declares, so a consumer parks anything else
 * rather than skip it as a type it merely does not handle.
 */
export class UndeclaredEventTypeError extends Error {
  override readonly name = 'UndeclaredEventTypeError';

  constructor(type: string, topic: string) {
    super(`${type} is not an event type of ${topic} (it has no schema in ${topic}/)`);
  }
}

/**
 * The JSON Schemas of schemas/events/, compiled on first use. Publishers check an event's data
 * before it enters the outbox; consumers check the envelope and the data again on receipt, since
 * a topic may also carry events from partners' services.
 */
export class EventSchemas {
  private readonly ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly declared = new Map<string, ReadonlySet<string>>();

  /**
   * @param roots folders to look for schemas in, in order (default: schemas/events). Tests add a
   *   folder of their own sample events in front of it.
   */
  constructor(private readonly roots: readonly string[] = [eventSchemaDir]) {
    addFormats(this.ajv);
  }

  assertEnvelope(value: unknown): asserts value is EventEnvelope {
    this.check('envelope.json', value, 'Event envelope');
  }

  assertData<TData extends object>(contract: EventContract<TData>, data: unknown): asserts data is TData {
    this.check(contract.schemaPath, data, `Data of ${contract.type}`);
  }

  /**
   * The event types `topic` (a logical name, `<domain>.<aggregate>.v<major>`) carries: one per
   * schema in its folder, in any of the roots. None for a topic with no folder.
   */
  declaredTypes(topic: string): ReadonlySet<string> {
    let types = this.declared.get(topic);
    if (!types) {
      const [domain] = topic.split('.');
      const version = Number(/\.v(\d+)$/.exec(topic)?.[1]);
      const names = this.roots.flatMap((root) => {
        const folder = path.join(root, topic);
        return existsSync(folder) ? readdirSync(folder).filter((file) => file.endsWith('.json')) : [];
      });
      types = new Set(names.map((file) => eventTypeName(domain!, path.basename(file, '.json'), version)));
      this.declared.set(topic, types);
    }
    return types;
  }

  /** Throws {@link UndeclaredEventTypeError} unless `topic` carries events of `type`. */
  assertDeclared(topic: string, type: string): void {
    if (!this.declaredTypes(topic).has(type)) throw new UndeclaredEventTypeError(type, topic);
  }

  private check(schemaPath: string, value: unknown, subject: string): void {
    const validate = this.validator(schemaPath);
    if (!validate(value)) throw new EventValidationError(subject, (validate.errors ?? []).map(describe));
  }

  private validator(schemaPath: string): ValidateFunction {
    let validate = this.compiled.get(schemaPath);
    if (!validate) {
      const file = this.roots.map((root) => path.join(root, schemaPath)).find((candidate) => existsSync(candidate));
      if (!file) throw new Error(`No event schema ${schemaPath} in ${this.roots.join(' or ')}`);
      validate = this.ajv.compile(JSON.parse(readFileSync(file, 'utf8')) as object);
      this.compiled.set(schemaPath, validate);
    }
    return validate;
  }
}

function describe(error: ErrorObject): string {
  const where = error.instancePath === '' ? '(root)' : error.instancePath;
  const extra =
    error.keyword === 'additionalProperties' ? ` "${String((error.params as { additionalProperty: string }).additionalProperty)}"` : '';
  return `${where} ${error.message ?? error.keyword}${extra}`;
}
