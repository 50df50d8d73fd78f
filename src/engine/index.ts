/** The engine's public surface: build a simulation from a validated scenario and drive it. */
export { createSimulation, runScenario } from './simulation';
export * from './types';
