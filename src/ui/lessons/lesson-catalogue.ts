import { LESSON_CONCEPTS, type LessonConcept } from '../../scenario/lesson-concepts';

/*
 * The lessons of lessons/: titles and concepts bundled up front for the
 * Lessons menu (the JSON plugin tree-shakes the other fields), each file's
 * text a small chunk of its own, loaded when the lesson opens.
 */
const titles = import.meta.glob<string>('../../../lessons/*.json', { import: 'title', eager: true });
const concepts = import.meta.glob<string>('../../../lessons/*.json', { import: 'concept', eager: true });
const texts = import.meta.glob<string>('../../../lessons/*.json', { query: '?raw', import: 'default' });

export interface LessonEntry {
  /** The file, e.g. "health-checks". */
  id: string;
  title: string;
  concept: LessonConcept;
}

const CONCEPT_ORDER = Object.keys(LESSON_CONCEPTS);

/** Every lesson, in the order of the concept sections. */
export const LESSONS: readonly LessonEntry[] = Object.entries(titles)
  .map(([path, title]) => ({ id: path.replace(/^.*\/|\.json$/g, ''), title: String(title), concept: String(concepts[path]) as LessonConcept }))
  .sort((a, b) => CONCEPT_ORDER.indexOf(a.concept) - CONCEPT_ORDER.indexOf(b.concept) || a.title.localeCompare(b.title));

/** A lesson file's text, or null when there is no lesson of that id. */
export async function loadLessonText(id: string): Promise<string | null> {
  const load = texts[`../../../lessons/${id}.json`];
  return load ? load() : null;
}
