export function isStale(root: string, built: string, sources: string[]): boolean;
