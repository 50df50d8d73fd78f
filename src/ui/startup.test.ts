import { describe, expect, it } from 'vitest';
import { starterScenario } from '../scenario/starter';
import { encodeScenario } from '../scenario/url-codec';
import { chooseStartScenario, readSharedLink } from './startup';

const mine = { ...starterScenario(), name: 'My work' };
const shared = { ...starterScenario(), name: 'Shared with me' };

describe('chooseStartScenario', () => {
  it('opens the starter on a first visit', () => {
    expect(chooseStartScenario('', null)).toEqual({ scenario: starterScenario(), source: 'starter' });
  });

  it('opens the autosave when there is no link', () => {
    expect(chooseStartScenario('', JSON.stringify(mine))).toMatchObject({ scenario: mine, source: 'autosave' });
  });

  it('opens a valid shared link ahead of the autosave', () => {
    const choice = chooseStartScenario(`#s=${encodeScenario(shared)}`, JSON.stringify(mine));
    expect(choice).toMatchObject({ scenario: shared, source: 'link', message: { tone: 'success' } });
  });

  it('falls back to the autosave with a clear error when the link is corrupted', () => {
    const code = encodeScenario(shared);
    const choice = chooseStartScenario(`#s=${code.slice(0, 20)}x${code.slice(21)}`, JSON.stringify(mine));
    expect(choice.scenario).toEqual(mine);
    expect(choice.source).toBe('autosave');
    expect(choice.message?.tone).toBe('error');
    expect(choice.message?.title).toMatch(/shared link is broken/);
    expect(choice.message?.details?.at(-1)).toMatch(/autosaved work is open instead/);
  });

  it('falls back to the starter when the link is broken and nothing was saved', () => {
    const choice = chooseStartScenario('#s=garbage', null);
    expect(choice).toMatchObject({ scenario: starterScenario(), source: 'starter', message: { tone: 'error' } });
  });

  it('ignores a damaged autosave', () => {
    expect(chooseStartScenario('', '{"version":1,"nodes":[')).toMatchObject({ source: 'starter' });
  });
});

describe('readSharedLink', () => {
  it('is null without a link, so a pasted address with no scenario does nothing', () => {
    expect(readSharedLink('#other=1', true)).toBeNull();
  });

  it('says where the earlier work went when a link replaces it', () => {
    const link = readSharedLink(`#s=${encodeScenario(shared)}`, true);
    expect(link?.scenario).toEqual(shared);
    expect(link?.message.details).toEqual(['Your previous work is kept: Recent brings it back.']);
  });

  it('says why a broken link was not opened', () => {
    expect(readSharedLink('#s=1.AAAA', true)).toEqual({ message: expect.objectContaining({ tone: 'error', title: expect.stringMatching(/broken/) }) });
  });
});
