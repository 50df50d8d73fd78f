import type { Scenario } from '../scenario/schema';
import type { Report, Simulation, SimulationOptions } from './types';

/** Builds a simulation of `scenario`. (Being written: lands within the hour.) */
export function createSimulation(_scenario: Scenario, _options: SimulationOptions = {}): Simulation {
  throw new Error('engine not implemented yet');
}

/** Runs `scenario` to its duration and returns the report. */
export function runScenario(scenario: Scenario, options: SimulationOptions = {}): Report {
  const sim = createSimulation(scenario, options);
  sim.runUntil(scenario.duration);
  return sim.report();
}
