import { describe, expect, it } from 'vitest';
import { starterScenario } from './starter';
import { connectionProblem } from './connection-rules';

describe('connectionProblem', () => {
  const scenario = starterScenario();

  it('accepts a new link the engine can run', () => {
    expect(connectionProblem(scenario, 'client-1', 'server-1')).toBeNull();
    expect(connectionProblem(scenario, 'database-1', 'server-1')).toBeNull();
  });

  it('refuses a link into a client, naming the client', () => {
    expect(connectionProblem(scenario, 'lb-1', 'client-1')).toMatch(/“Users” is a client/);
  });

  it('refuses a self-link', () => {
    expect(connectionProblem(scenario, 'server-1', 'server-1')).toMatch(/cannot link to itself/);
  });

  it('refuses a duplicate link', () => {
    expect(connectionProblem(scenario, 'lb-1', 'server-2')).toMatch(/already links/);
  });

  it('refuses a link to a node that does not exist', () => {
    expect(connectionProblem(scenario, 'lb-1', 'ghost')).not.toBeNull();
  });
});
