/**
 * Machine sizes a user can scale a server up to, smallest first; the last is
 * the hardware ceiling. Per-core speed grows a little with size (newer, faster
 * parts) and cost a little faster than cores: the price of scaling up.
 */
export const INSTANCE_SIZES = [
  { name: 'small', cores: 2, speed: 1, costPerHour: 0.05 },
  { name: 'medium', cores: 4, speed: 1, costPerHour: 0.1 },
  { name: 'large', cores: 8, speed: 1.1, costPerHour: 0.22 },
  { name: 'xlarge', cores: 16, speed: 1.2, costPerHour: 0.48 },
  { name: '4xlarge', cores: 32, speed: 1.25, costPerHour: 1.05 },
  { name: 'metal', cores: 64, speed: 1.3, costPerHour: 2.3 },
] as const;

export type InstanceSize = (typeof INSTANCE_SIZES)[number];

/** The size a server's workers, speed and cost match, if any. */
export function sizeOf(server: { workers: number; speed: number; costPerHour: number }): InstanceSize | undefined {
  return INSTANCE_SIZES.find((s) => s.cores === server.workers && s.speed === server.speed && s.costPerHour === server.costPerHour);
}
