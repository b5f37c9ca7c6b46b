export type Output = { json: boolean; out: (s: string) => void; err: (s: string) => void };

/** A headless command over the API. Returns the exit code: 0 done, 1 input refused, 2 usage. */
export type Command = {
  name: string;
  usage: string;
  summary: string;
  run: (db: string, argv: string[], o: Output) => Promise<number> | number;
};
