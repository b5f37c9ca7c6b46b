/** `part`: writes text without a line end, so a long answer can be written in pieces (where the caller offers it). */
export type Output = { json: boolean; out: (s: string) => void; err: (s: string) => void; part?: (s: string) => void };

/** A headless command over the API. Returns the exit code: 0 done, 1 input refused, 2 usage. */
export type Command = {
  name: string;
  usage: string;
  summary: string;
  run: (db: string, argv: string[], o: Output) => Promise<number> | number;
};
