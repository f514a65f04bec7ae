import { InvalidRecordsError, InvalidSchemeError, UnknownPresetError } from '@mujun/scoring';
import { SheetError, SheetLimitError } from '@mujun/sheets';

/**
 * An error thrown in a worker thread, as it crosses back to the event loop: a thrown object loses its
 * class between threads, so it travels as its class name and own properties and is revived here.
 */
export interface TaskFailure {
  readonly failed: true;
  readonly name: string;
  readonly message: string;
  readonly properties: Record<string, unknown>;
}

/** The errors a job may throw that the API reports as problems: revived with their class on this side. */
const KNOWN_ERRORS: Record<string, { prototype: object }> = {
  InvalidRecordsError,
  InvalidSchemeError,
  UnknownPresetError,
  SheetLimitError,
  SheetError,
};

export function failure(error: unknown): TaskFailure {
  if (!(error instanceof Error))
    return { failed: true, name: 'Error', message: String(error), properties: {} };
  // Own enumerable properties (issues, file, code, limit, value, presetId, known…): plain data.
  const properties = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(error)))) as Record<
    string,
    unknown
  >;
  return { failed: true, name: error.constructor.name, message: error.message, properties };
}

export function revive(failure: Omit<TaskFailure, 'failed'>): Error {
  const known = KNOWN_ERRORS[failure.name];
  const error: Error =
    known === undefined ? new Error(failure.message) : (Object.create(known.prototype) as Error);
  Object.assign(error, failure.properties);
  Object.defineProperty(error, 'message', { value: failure.message, writable: true, configurable: true });
  if (known === undefined) error.name = failure.name;
  return error;
}
