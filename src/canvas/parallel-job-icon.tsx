import { type IconProps, iconFrame } from './icons';

/** One line forking into four and joining again: fork-join. */
export function ParallelJobIcon({ size = 20 }: IconProps) {
  return (
    <svg {...iconFrame(size)}>
      <path d="M2 12h3" />
      <path d="M5 12c2 0 2-6 4-6h6c2 0 2 6 4 6M5 12c2 0 2-2 4-2h6c2 0 2 2 4 2M5 12c2 0 2 2 4 2h6c2 0 2-2 4-2M5 12c2 0 2 6 4 6h6c2 0 2-6 4-6" />
      <path d="M19 12h3" />
    </svg>
  );
}
