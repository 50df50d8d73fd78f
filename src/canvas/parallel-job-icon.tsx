import type { IconProps } from './icons';

/** One line forking into four and joining again: fork-join. */
export function ParallelJobIcon({ size = 20 }: IconProps) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.6}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden
      focusable={false}
    >
      <path d="M2 12h3" />
      <path d="M5 12c2 0 2-6 4-6h6c2 0 2 6 4 6M5 12c2 0 2-2 4-2h6c2 0 2 2 4 2M5 12c2 0 2 2 4 2h6c2 0 2-2 4-2M5 12c2 0 2 6 4 6h6c2 0 2-6 4-6" />
      <path d="M19 12h3" />
    </svg>
  );
}
