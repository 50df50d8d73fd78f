import { describe, expect, it } from 'vitest';
import { LESSON_PROGRESS_KEY, lessonSearch, parseLessonLink, progressLabel, readProgress, recordStep } from './lesson-progress';
import { memoryStorage } from '../testing/memory-storage';

describe('lesson progress', () => {
  it('keeps the furthest step reached, and completes at the debrief', () => {
    const storage = memoryStorage();
    recordStep(storage, 'eviction', 1, 2);
    recordStep(storage, 'eviction', 0, 2);
    expect(readProgress(storage).eviction).toEqual({ reached: 1, steps: 2, completed: false });
    recordStep(storage, 'eviction', 2, 2);
    recordStep(storage, 'eviction', 0, 2);
    expect(readProgress(storage).eviction).toEqual({ reached: 2, steps: 2, completed: true });
  });

  it('says how far a lesson got', () => {
    expect(progressLabel(undefined)).toBe('');
    expect(progressLabel({ reached: 1, steps: 3, completed: false })).toBe('Step 2 of 3');
    expect(progressLabel({ reached: 3, steps: 3, completed: true })).toBe('Done');
  });

  it('reads nothing from a broken or foreign record, and survives a full storage', () => {
    const storage = memoryStorage();
    storage.setItem(LESSON_PROGRESS_KEY, '{"a":{"reached":"x"},"b":{"reached":1,"steps":2,"completed":false}');
    expect(readProgress(storage)).toEqual({});
    storage.setItem(LESSON_PROGRESS_KEY, '{"a":{"reached":"x"},"b":{"reached":1,"steps":2,"completed":false}}');
    expect(Object.keys(readProgress(storage))).toEqual(['b']);
    expect(() => recordStep(memoryStorage(0), 'cdn-offload', 1, 2)).not.toThrow();
  });
});

describe('lesson links', () => {
  it('reads ?lesson=<id>&step=<n>, steps counted from 1', () => {
    expect(parseLessonLink('?lesson=health-checks&step=2')).toEqual({ id: 'health-checks', step: 1 });
    expect(parseLessonLink('?lesson=health-checks')).toEqual({ id: 'health-checks', step: 0 });
    expect(parseLessonLink('?lesson=health-checks&step=zero')).toEqual({ id: 'health-checks', step: 0 });
    expect(parseLessonLink('?lesson=../evil')).toBeNull();
    expect(parseLessonLink('?embed=1')).toBeNull();
  });

  it('writes the step into the address and keeps the other parameters', () => {
    expect(lessonSearch('?embed=0', 'cdn-offload', 1)).toBe('?embed=0&lesson=cdn-offload&step=2');
    expect(lessonSearch('?lesson=cdn-offload&step=2&x=1', null, 0)).toBe('?x=1');
    expect(lessonSearch('?lesson=cdn-offload&step=2', null, 0)).toBe('');
  });
});
