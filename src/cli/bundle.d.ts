/** Bundle src/cli/<name>.ts for each name into node_modules/.cache/lkip-audit/; { name: file URL } or null. */
export declare function bundleEntries(names: string[]): Promise<Record<string, string> | null>;
