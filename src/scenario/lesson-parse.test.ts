import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyLessonActions, lessonEdits } from './lesson-actions';
import { lessonScenario, lessonScenarioProblems, parseLesson, parseLessonJson } from './lesson-parse';
import { LESSON_CONCEPTS, NODE_METRICS, TOTALS_METRICS } from './lesson-schema';
import { parseScenarioJson } from './parse';
import type { Scenario } from './schema';

const lessonText = readFileSync(join(import.meta.dirname, '../../lessons/health-checks.json'), 'utf8');
/** A lesson as raw data, to break one field of. */
type RawLesson = Record<string, unknown> & { steps: { checks: Record<string, unknown>[]; try: { do: unknown[] }[] }[] };
const valid = () => JSON.parse(lessonText) as RawLesson;
const example = (): Scenario => {
  const parsed = parseScenarioJson(readFileSync(join(import.meta.dirname, '../../scenarios/lb-health-checks.json'), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
};

/** The messages for `lesson`, which must be refused. */
function errorsOf(lesson: unknown): string[] {
  const result = parseLesson(lesson);
  if (result.ok) throw new Error('the lesson was accepted');
  return result.errors;
}

describe('parseLesson', () => {
  it('accepts a lesson file of lessons/', () => {
    const result = parseLessonJson(lessonText);
    expect(result.ok && result.lesson.steps.length).toBe(2);
  });

  it('refuses another format version, saying which it reads', () => {
    expect(errorsOf({ ...valid(), version: 2 })).toEqual([expect.stringMatching(/^field "version": must be 1 \(it is 2\)/)]);
    expect(errorsOf({ ...valid(), version: undefined })[0]).toMatch(/field "version": must be 1 \(it is missing\)/);
  });

  it('names the field of a missing title and an unknown concept', () => {
    const { title: _, ...untitled } = valid();
    expect(errorsOf(untitled)).toEqual(['field "title": missing; it must be text in quotes.']);
    expect(errorsOf({ ...valid(), concept: 'quantum' })[0]).toMatch(/^field "concept": must be one of "scaling", /);
  });

  it('names the step and check of a metric it cannot read', () => {
    const lesson = valid();
    (lesson.steps[1]?.checks[0] ?? {}).metric = 'totals.happiness';
    expect(errorsOf(lesson)).toEqual([expect.stringMatching(/^field "steps\.1\.checks\.0\.metric": use totals\.<latency\.mean\|/)]);
  });

  it('asks for exactly one test in a check', () => {
    const lesson = valid();
    (lesson.steps[1]?.checks[0] ?? {}).above = 0.5;
    expect(errorsOf(lesson)).toEqual(['field "steps.1.checks.0.metric": give exactly one of "below", "above" or "withinOf".']);
  });

  it('asks for a width with withinOf', () => {
    const lesson = valid();
    (lesson.steps[1] ?? { checks: [] }).checks[0] = { label: 'near theory', metric: 'node:lb.utilization', withinOf: 'theory' };
    expect(errorsOf(lesson)).toEqual(['field "steps.1.checks.0.withinOf": withinOf needs exactly one of "points" or "percent".']);
  });

  it('refuses theory for a figure no closed form gives', () => {
    const lesson = valid();
    (lesson.steps[1] ?? { checks: [] }).checks[0] = { label: 'x', metric: 'totals.throughput', withinOf: 'theory', percent: 5 };
    expect(errorsOf(lesson)).toEqual([expect.stringMatching(/^field "steps\.1\.checks\.0\.withinOf": theory gives latency, /)]);
  });

  it('says what an action may be when it has no known key', () => {
    const lesson = valid();
    (lesson.steps[1]?.try[0] ?? { do: [] }).do[0] = { toggle: { node: 'lb' } };
    expect(errorsOf(lesson)).toEqual([expect.stringMatching(/^field "steps\.1\.try\.0\.do\.0": must be an object with one of the keys set, setLink, addReplica/)]);
  });

  it('says what a scenario reference may be', () => {
    expect(errorsOf({ ...valid(), scenario: { file: 'x' } })).toEqual([expect.stringMatching(/^field "scenario": must be \{ "example": .* \(it has "file"\)\.$/)]);
  });

  it('refuses a field the format does not have, naming it', () => {
    expect(errorsOf({ ...valid(), narration: 'x' })[0]).toMatch(/narration/);
  });

  it('refuses text that is not JSON, saying so', () => {
    const result = parseLessonJson('{\n  "version": 1,\n  "id": \n}');
    expect(!result.ok && result.errors[0]).toMatch(/^The lesson is not valid JSON: /);
  });
});

describe('a lesson against its scenario', () => {
  it('names a node the scenario does not have', () => {
    const parsed = parseLesson(valid());
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const lesson = parsed.lesson;
    const step = lesson.steps[1];
    if (!step) throw new Error('no step');
    step.checks.push({ label: 'x', metric: 'node:nowhere.utilization', below: 1 });
    expect(lessonScenarioProblems(lesson, example())).toEqual(['field "steps.1.checks.1.metric": names node "nowhere", which the lesson\'s scenario does not have.']);
  });

  it('names the example when it does not exist, and the start edit when it does not fit', () => {
    const parsed = parseLesson({ ...valid(), scenario: { example: 'lb-health-checks', start: [{ addReplica: { node: 'lb' } }] } });
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(lessonScenario(parsed.lesson, null)).toEqual({ ok: false, errors: ['field "scenario.example": there is no example called "lb-health-checks" in scenarios/.'] });
    expect(lessonScenario(parsed.lesson, example())).toEqual({ ok: false, errors: ['field "scenario.start": Node "lb" (a loadBalancer) has no replicas to add to.'] });
  });

  it('shortens the example to the lesson\'s run and applies its start edits', () => {
    const parsed = parseLesson(valid());
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const result = lessonScenario(parsed.lesson, example());
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const lb = result.scenario.nodes.find((n) => n.id === 'lb');
    expect(result.scenario.duration).toBe(40);
    expect(lb?.kind === 'loadBalancer' && lb.healthCheck).toEqual({ active: null, passive: null });
  });
});

describe('"try this" actions', () => {
  it('merges the edits of one button per node, so a preset and its layer change together', () => {
    const planned = lessonEdits(example(), [
      { set: { node: 'lb', field: 'layer', value: 'L4' } },
      { algorithm: { node: 'lb', value: 'roundRobin' } },
    ]);
    expect(planned).toEqual({ ok: true, edits: [{ ok: true, target: 'node', id: 'lb', patch: { layer: 'L4', algorithm: 'roundRobin' } }] });
  });

  it('sets a nested field and keeps its siblings', () => {
    const applied = applyLessonActions(example(), [{ set: { node: 'lb', field: 'healthCheck.passive', value: null } }]);
    const lb = applied.ok ? applied.scenario.nodes.find((n) => n.id === 'lb') : null;
    expect(lb?.kind === 'loadBalancer' && lb.healthCheck.passive).toBeNull();
    expect(lb?.kind === 'loadBalancer' && lb.healthCheck.active?.interval).toBe(1);
  });

  it('gives a link\'s call policy its defaults, as the inspector would', () => {
    const planned = lessonEdits(example(), [{ setLink: { link: 'lb-app-1', field: 'call.maxConcurrent', value: 8 } }]);
    expect(planned.ok && planned.edits[0]?.patch).toMatchObject({ call: { maxConcurrent: 8, timeout: null, breaker: null } });
  });

  it('refuses a value the scenario\'s schema refuses, naming the node and field', () => {
    const applied = applyLessonActions(example(), [{ algorithm: { node: 'lb', value: 'fastest' } }]);
    expect(applied.ok ? '' : applied.error).toMatch(/^node "lb" \(nodes\[1\]\) field "algorithm": /);
  });

  it('refuses an action on a kind that does not have it', () => {
    expect(applyLessonActions(example(), [{ cacheStrategy: { node: 'lb', value: 'writeBack' } }])).toEqual({ ok: false, error: 'Node "lb" is not a cache, so it has no strategy.' });
  });
});

describe('docs/lesson-format.md', () => {
  const docs = readFileSync(join(import.meta.dirname, '../../docs/lesson-format.md'), 'utf8');

  it('names every action, metric and concept the format has', () => {
    const named = [
      ...['set', 'setLink', 'addReplica', 'algorithm', 'cacheStrategy'].map((key) => `{ "${key}":`),
      ...TOTALS_METRICS.map((m) => (m.startsWith('latency.') ? `.${m.slice('latency.'.length)}` : `totals.${m}`)),
      ...NODE_METRICS.map((m) => `node:<id>.${m}`),
      ...Object.keys(LESSON_CONCEPTS).map((c) => `\`${c}\``),
    ];
    expect(named.filter((text) => !docs.includes(text))).toEqual([]);
  });
});
