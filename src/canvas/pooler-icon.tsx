import { type IconProps, iconFrame } from './icons';

/** Four lines narrowing into two: many client connections onto a few server connections. */
export function PoolerIcon({ size = 20 }: IconProps) {
  return (
    <svg {...iconFrame(size)}>
      <path d="M2 4h3c3 0 4 6 7 6M2 9.3h3c2 0 3 .7 7 .7M2 14.7h3c2 0 3-.7 7-.7M2 20h3c3 0 4-6 7-6" />
      <rect x="12" y="8" width="4" height="8" rx="1" />
      <path d="M16 10h6M16 14h6" />
    </svg>
  );
}
