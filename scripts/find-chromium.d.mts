/** Name of the environment variable that points at a Chromium executable. */
export declare const ENV_VAR: string;
/** The Chromium to use (env var, /usr/bin/chromium, Playwright's own), or null; installs nothing. */
export declare function locateChromium(env?: Record<string, string | undefined>): string | null;
