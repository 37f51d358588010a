import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { readModelFile } from '../model-files.js';
import { OPERATIONS, type OperationSpec } from './operations.js';

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/** Outcome of checking a request or response against Amazon's model. */
export type ContractCheck<T> = { ok: true; value: T } | { ok: false; message: string; details: string };

interface SwaggerParameter {
  name: string;
  in: 'query' | 'path' | 'body' | 'header' | 'formData';
  required?: boolean;
  type?: string;
  items?: { type?: string };
  schema?: unknown;
  $ref?: string;
  [key: string]: unknown;
}

interface SwaggerOperation {
  operationId?: string;
  parameters?: SwaggerParameter[];
  responses?: Record<string, { schema?: unknown }>;
}

interface SwaggerDocument {
  paths: Record<string, Record<string, SwaggerOperation | SwaggerParameter[]>>;
  parameters?: Record<string, SwaggerParameter>;
}

/** Swagger parameter keywords that are JSON Schema validation keywords too. */
const SCHEMA_KEYWORDS = [
  'type',
  'format',
  'enum',
  'items',
  'maxItems',
  'minItems',
  'uniqueItems',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'pattern',
] as const;

interface CompiledOperation {
  spec: OperationSpec;
  parameters: SwaggerParameter[];
  validateParameters: ValidateFunction;
  validateBody: ValidateFunction | null;
  bodyRequired: boolean;
  responses: Map<string, ValidateFunction | null>;
}

/** A `#/...` reference inside a model, rewritten to point into the model registered under `key`. */
function rebase(schema: unknown, key: string): unknown {
  if (Array.isArray(schema)) return schema.map((s) => rebase(s, key));
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) {
    out[k] = k === '$ref' && typeof v === 'string' && v.startsWith('#') ? `${key}${v}` : rebase(v, key);
  }
  return out;
}

function parameterSchema(parameter: SwaggerParameter): Record<string, unknown> {
  const schema: Record<string, unknown> = {};
  for (const keyword of SCHEMA_KEYWORDS) {
    if (parameter[keyword] !== undefined) schema[keyword] = parameter[keyword];
  }
  return schema;
}

function describeAjvError(
  error: ErrorObject | undefined,
  where: string,
): { message: string; details: string } {
  if (error === undefined) return { message: `Invalid ${where}`, details: where };
  const path = error.instancePath === '' ? where : `${where}${error.instancePath.replaceAll('/', '.')}`;
  if (error.keyword === 'required') {
    const missing = String((error.params as { missingProperty?: string }).missingProperty);
    return { message: `Missing required field '${missing}' in ${path}`, details: `${path}.${missing}` };
  }
  if (error.keyword === 'enum') {
    const allowed = (error.params as { allowedValues?: unknown[] }).allowedValues ?? [];
    return {
      message: `Invalid value for ${path}: must be one of ${allowed.map(String).join(', ')}`,
      details: path,
    };
  }
  return {
    message: `Invalid value for ${path}: ${error.message ?? 'does not match the model'}`,
    details: path,
  };
}

/**
 * Amazon's published Swagger 2.0 models compiled with Ajv. Requests are checked before any rule of the
 * simulator runs, and responses can be checked against the same models (contract tests do).
 */
export class ModelValidator {
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, CompiledOperation>();

  constructor(operations: readonly OperationSpec[] = OPERATIONS) {
    this.ajv = new Ajv({ strict: false, allErrors: false, logger: false, validateFormats: true });
    addFormats(this.ajv);
    const documents = new Map<string, SwaggerDocument>();
    for (const spec of operations) {
      let document = documents.get(spec.modelFile);
      if (document === undefined) {
        document = readModelFile(spec.modelFile) as SwaggerDocument;
        documents.set(spec.modelFile, document);
        this.ajv.addSchema(document as object, this.keyOf(spec.modelFile));
      }
      this.compiled.set(spec.operationId, this.compileOperation(spec, document));
    }
  }

  private keyOf(modelFile: string): string {
    return `https://sim.shipconfirm.local/models/${modelFile}`;
  }

  /** A validator for `#/definitions/{name}` of one model file, e.g. for tests. */
  definition(modelFile: string, name: string): ValidateFunction {
    return this.ajv.compile({ $ref: `${this.keyOf(modelFile)}#/definitions/${name}` });
  }

  private compileOperation(spec: OperationSpec, document: SwaggerDocument): CompiledOperation {
    const pathItem = document.paths[spec.pathTemplate];
    const operation = pathItem?.[spec.method.toLowerCase()] as SwaggerOperation | undefined;
    if (pathItem === undefined || operation === undefined || operation.operationId !== spec.operationId) {
      throw new Error(
        `${spec.operationId} not found at ${spec.method} ${spec.pathTemplate} in ${spec.modelFile}`,
      );
    }
    const key = this.keyOf(spec.modelFile);
    const shared = Array.isArray(pathItem.parameters) ? pathItem.parameters : [];
    const parameters = [...shared, ...(operation.parameters ?? [])].map((p) => {
      if (p.$ref?.startsWith('#/parameters/')) {
        const resolved = document.parameters?.[p.$ref.slice('#/parameters/'.length)];
        if (resolved === undefined) throw new Error(`unresolved parameter ${p.$ref}`);
        return resolved;
      }
      return p;
    });

    const properties: Record<string, unknown> = {};
    const required: string[] = [];
    let validateBody: ValidateFunction | null = null;
    let bodyRequired = false;
    for (const parameter of parameters) {
      if (parameter.in === 'body') {
        validateBody = this.ajv.compile(rebase(parameter.schema, key) as object);
        bodyRequired = parameter.required === true;
      } else if (parameter.in === 'query' || parameter.in === 'path') {
        properties[parameter.name] = parameterSchema(parameter);
        if (parameter.required === true) required.push(parameter.name);
      }
    }
    const validateParameters = this.ajv.compile({ type: 'object', properties, required });

    const responses = new Map<string, ValidateFunction | null>();
    for (const [status, response] of Object.entries(operation.responses ?? {})) {
      responses.set(
        status,
        response.schema === undefined ? null : this.ajv.compile(rebase(response.schema, key) as object),
      );
    }
    return { spec, parameters, validateParameters, validateBody, bodyRequired, responses };
  }

  private operation(operationId: string): CompiledOperation {
    const compiled = this.compiled.get(operationId);
    if (compiled === undefined) throw new Error(`unknown operation ${operationId}`);
    return compiled;
  }

  /**
   * Coerces raw path and query strings to the types the model declares (arrays are comma-separated or
   * repeated, as Amazon accepts) and validates them.
   */
  checkParameters(
    operationId: string,
    pathParams: Record<string, string>,
    query: URLSearchParams,
  ): ContractCheck<Record<string, unknown>> {
    const compiled = this.operation(operationId);
    const values: Record<string, unknown> = {};
    for (const parameter of compiled.parameters) {
      if (parameter.in === 'path') {
        const raw = pathParams[parameter.name];
        if (raw !== undefined) values[parameter.name] = raw;
      } else if (parameter.in === 'query') {
        const raws = query.getAll(parameter.name);
        if (raws.length === 0) continue;
        values[parameter.name] = coerce(parameter, raws);
      }
    }
    if (compiled.validateParameters(values)) return { ok: true, value: values };
    const error = compiled.validateParameters.errors?.[0];
    const described = describeAjvError(error, 'parameters');
    const name = error?.instancePath.split('/')[1];
    if (name !== undefined && error?.keyword !== 'required') {
      return {
        ok: false,
        message: `Invalid '${name}' parameter: ${error?.message ?? 'does not match the model'}`,
        details: name,
      };
    }
    if (error?.keyword === 'required') {
      const missing = String((error.params as { missingProperty?: string }).missingProperty);
      return { ok: false, message: `Missing required parameter '${missing}'`, details: missing };
    }
    return { ok: false, ...described };
  }

  /** Validates a parsed JSON body against the operation's body parameter schema. */
  checkBody(operationId: string, body: unknown): ContractCheck<unknown> {
    const compiled = this.operation(operationId);
    if (compiled.validateBody === null) return { ok: true, value: body };
    if (body === undefined) {
      return compiled.bodyRequired
        ? { ok: false, message: 'The request body is missing.', details: 'body' }
        : { ok: true, value: body };
    }
    if (compiled.validateBody(body)) return { ok: true, value: body };
    return { ok: false, ...describeAjvError(compiled.validateBody.errors?.[0], 'body') };
  }

  /** Whether the operation takes a JSON body. */
  takesBody(operationId: string): boolean {
    return this.operation(operationId).validateBody !== null;
  }

  /** Validates a response body against the model's schema for that status (none means empty). */
  checkResponse(operationId: string, status: number, body: unknown): ContractCheck<unknown> {
    const compiled = this.operation(operationId);
    if (!compiled.responses.has(String(status))) {
      return { ok: false, message: `status ${status} is not in the model`, details: String(status) };
    }
    const validate = compiled.responses.get(String(status)) ?? null;
    if (validate === null) {
      return body === undefined || body === ''
        ? { ok: true, value: body }
        : { ok: false, message: `status ${status} has no body in the model`, details: 'body' };
    }
    if (validate(body)) return { ok: true, value: body };
    return { ok: false, ...describeAjvError(validate.errors?.[0], 'response') };
  }
}

function coerceScalar(type: string | undefined, raw: string): unknown {
  if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
  if (type === 'boolean' && (raw === 'true' || raw === 'false')) return raw === 'true';
  return raw;
}

function coerce(parameter: SwaggerParameter, raws: string[]): unknown {
  if (parameter.type === 'array') {
    const separator = parameter.collectionFormat === 'multi' ? null : ',';
    const parts = separator === null ? raws : raws.flatMap((r) => r.split(separator));
    return parts.map((p) => coerceScalar(parameter.items?.type, p));
  }
  // A scalar sent twice is ambiguous; the model's type check refuses the array.
  return raws.length === 1 ? coerceScalar(parameter.type, raws[0] ?? '') : raws;
}
