import type { z } from 'zod';

/* Wording of validation errors: every message names where the problem is (node,
   link, field) and what the user wrote, in the user's terms rather than zod's. */

/** Adds the line and column to V8's "at position N", since editors show lines, not offsets. */
export function describeJsonError(text: string, message: string): string {
  if (text.trim() === '') return 'the file is empty.';
  if (message.includes('Unexpected end of JSON input')) return 'it ends before the JSON is complete (is a closing } or ] missing?).';
  const match = /at position (\d+)/.exec(message);
  if (!match) return message.replace(/\s+/g, ' ');
  const before = text.slice(0, Number(match[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `${message.replace(/( in JSON)? at position \d+.*$/s, '')} at line ${line}, column ${column}.`;
}

const MAX_REPORTED_ISSUES = 20;

/** One readable message per schema issue (the first 20), naming the node or link and the field. */
export function describeIssues(error: z.ZodError, data: unknown): string[] {
  const messages = error.issues.slice(0, MAX_REPORTED_ISSUES).map((issue) => {
    const isNodeField = issue.path.length === 3 && issue.path[0] === 'nodes';
    const hint = isNodeField && (issue.code === 'too_small' || issue.code === 'invalid_type') ? (NULL_MEANS[String(issue.path[2])] ?? '') : '';
    return `${describePath(issue.path, data)}: ${describeIssue(issue, valueAt(data, issue.path))}${hint}`;
  });
  const more = error.issues.length - MAX_REPORTED_ISSUES;
  if (more > 0) messages.push(`…and ${more} more problem${more === 1 ? '' : 's'}; fix the ones above first.`);
  return messages;
}

/** Node fields where "none" is written null, not 0: people try 0 or -1 first. */
const NULL_MEANS: Record<string, string> = {
  timeout: ' For no timeout, write null.',
  queueCapacity: ' For an unbounded queue, write null.',
};

/** What each discriminator chooses, so "unknown kind" messages say what the word means. */
const DISCRIMINATOR_NAMES: Record<string, string> = { kind: 'node kind', type: 'distribution type', mode: 'workload mode' };

/** Rewords zod's issue in the user's terms and shows the value they wrote, so they can find and fix it. */
function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
  const got = value === undefined ? '' : ` (it is ${show(value)})`;
  switch (issue.code) {
    case 'invalid_union': {
      if (!issue.discriminator || !('options' in issue) || !issue.options) break;
      const what = DISCRIMINATOR_NAMES[issue.discriminator] ?? issue.discriminator;
      const choices = issue.options.map(String).join(', ');
      if (value === undefined) return `missing. Set it to one of ${choices}.`;
      return `unknown ${what} ${show(value)}. Use one of ${choices}.`;
    }
    case 'invalid_type':
      if (value === undefined) return `missing; it must be ${describeType(issue.expected)}.`;
      return `must be ${describeType(issue.expected)}${got}.`;
    case 'too_small':
      if (issue.origin === 'string') return 'must not be empty.';
      if (issue.origin === 'array') return `must have at least ${issue.minimum} item${issue.minimum === 1 ? '' : 's'}.`;
      return `must be ${issue.inclusive ? 'at least' : 'greater than'} ${issue.minimum}${got}.`;
    case 'too_big':
      if (issue.origin === 'string') return `is too long; at most ${issue.maximum} characters.`;
      return `must be ${issue.inclusive ? 'at most' : 'less than'} ${issue.maximum}${got}.`;
    case 'custom':
      return `${issue.message}.`;
    case 'invalid_value':
      return `must be ${issue.values.length === 1 ? show(issue.values[0]) : `one of ${issue.values.map(show).join(', ')}`}${got}.`;
  }
  return `${issue.message}${got}.`;
}

function describeType(expected: string): string {
  const names: Record<string, string> = {
    number: 'a number',
    int: 'a whole number',
    string: 'text in quotes',
    boolean: 'true or false',
    object: 'an object { ... }',
    array: 'a list [ ... ]',
  };
  return names[expected] ?? expected;
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'an object';
  return String(value);
}

function valueAt(data: unknown, path: PropertyKey[]): unknown {
  let here = data;
  for (const key of path) {
    if (here === null || typeof here !== 'object') return undefined;
    here = (here as Record<PropertyKey, unknown>)[key];
  }
  return here;
}

/** Turns ["nodes", 2, "workers"] into `node "api-1" (nodes[2]) field "workers"`; links and faults likewise. */
export function describePath(path: PropertyKey[], data: unknown): string {
  const [section, index, ...rest] = path;
  if ((section === 'nodes' || section === 'links' || section === 'faults') && typeof index === 'number') {
    const item = (data as Record<string, unknown[]>)[section]?.[index] as { id?: unknown; from?: unknown } | undefined;
    // A call policy is its sender's: say which node calls.
    const caller = section === 'links' && rest[0] === 'call' && typeof item?.from === 'string' ? `from node "${item.from}" ` : '';
    const name = `${typeof item?.id === 'string' ? `"${item.id}" ` : ''}${caller}`;
    const what = section.slice(0, -1);
    const field = rest.length > 0 ? ` field "${rest.join('.')}"` : '';
    return `${what} ${name}(${section}[${index}])${field}`;
  }
  return path.length > 0 ? `field "${path.join('.')}"` : 'scenario';
}
