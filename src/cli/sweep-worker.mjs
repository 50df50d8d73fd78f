// The headless sweep's worker-thread entry. Worker threads do not inherit
// tsx's loader on Node 20, so this plain module loads the TypeScript task
// through tsx's API and hands tinypool its default export.
import { tsImport } from 'tsx/esm/api';

const task = await tsImport('./sweep-task.ts', import.meta.url);
export default task.default;
