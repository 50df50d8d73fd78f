import { z } from 'zod';

/*
 * The fields every node has, whatever its kind. A file of its own, importing
 * nothing of the format, so schema.ts and each kind's schema file (which
 * schema.ts imports) can share it without an import cycle, which would leave
 * the values undefined while the modules load.
 */

const PositionSchema = z.object({ x: z.number().finite(), y: z.number().finite() });

/** A node's id, optional label and place on the canvas. */
export const nodeFields = {
  id: z.string().min(1, 'id must not be empty').max(64),
  label: z.string().max(80).optional(),
  position: PositionSchema.default({ x: 0, y: 0 }),
};
