/* Apart from the lesson schema, so the Lessons menu can name the sections without loading the format's validators. */

/** The concept sections lessons teach, in the order the Lessons menu lists them, with their titles. */
export const LESSON_CONCEPTS = {
  scaling: 'Scaling up vs out',
  sessions: 'Stateless vs stateful',
  layers: 'L4 vs L7',
  balancing: 'Load-balancing algorithms',
  health: 'Health checks',
  cacheStrategies: 'Cache strategies',
  eviction: 'Eviction',
  invalidation: 'Invalidation',
  cdn: 'CDN',
  gateway: 'API gateway',
  messaging: 'Sync vs async',
  resilience: 'Circuit breakers and bulkheads',
  bottlenecks: 'Bottlenecks',
  amdahl: "Amdahl's law",
  autoscaling: 'Autoscaling',
  discovery: 'Service discovery',
  pooling: 'Connection pooling',
  mesh: 'Service mesh',
} as const;
export type LessonConcept = keyof typeof LESSON_CONCEPTS;
