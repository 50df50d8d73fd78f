import type { IconProps } from './icons';

/** Four lines narrowing into two: many client connections onto a few server connections. */
export function PoolerIcon({ size = 20 }: IconProps) {
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
      <path d="M2 4h3c3 0 4 6 7 6M2 9.3h3c2 0 3 .7 7 .7M2 14.7h3c2 0 3-.7 7-.7M2 20h3c3 0 4-6 7-6" />
      <rect x="12" y="8" width="4" height="8" rx="1" />
      <path d="M16 10h6M16 14h6" />
    </svg>
  );
}
