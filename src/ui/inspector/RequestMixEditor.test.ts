import { describe, expect, it } from 'vitest';
import { formatHeaders, parseHeaders } from './RequestMixEditor';

describe('headers text', () => {
  it('round-trips headers through the text form', () => {
    const headers = { 'X-Version': 'beta', Cookie: 'a=1; b=2' };
    expect(parseHeaders(formatHeaders(headers))).toEqual(headers);
  });

  it('ignores blank lines and names the first bad one', () => {
    expect(parseHeaders('\nX-A: 1\n\n')).toEqual({ 'X-A': '1' });
    expect(parseHeaders('X-A: 1\nno colon here')).toBe('Line 2: write it as "Name: value".');
    expect(parseHeaders(': value')).toBe('Line 1: write it as "Name: value".');
  });
});
