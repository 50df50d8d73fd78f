export declare const LIMIT_KB: number;
export declare function entryScripts(html: string): string[];
export declare function staticImports(code: string): string[];
export declare function measure(distDir: string): Map<string, { raw: number; gzip: number }>;
