import { parseArgs } from 'node:util';

export class UsageError extends Error {}

/** Parses argv, turning node's own errors into a usage error (exit code 2). */
export function parse<T extends NonNullable<Parameters<typeof parseArgs>[0]>['options']>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}
