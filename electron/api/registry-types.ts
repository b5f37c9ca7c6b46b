import type { z } from 'zod';
import type { Method } from './define';

/** The typed surface a client sees: `ledger.households.list(input)` → Promise of the handler's output. */
export type ClientOf<A> = {
  [Area in keyof A]: {
    [Name in keyof A[Area]]: A[Area][Name] extends Method<infer I, infer O>
      ? (input: z.input<I>) => Promise<Awaited<O>>
      : never;
  };
};
