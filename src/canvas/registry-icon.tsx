import { type IconProps, iconFrame } from './icons';

/** A directory card with a magnifier: where callers look instances up. */
export function RegistryIcon({ size = 20 }: IconProps) {
  return (
    <svg {...iconFrame(size)}>
      <rect x="3" y="3.5" width="13" height="16" rx="1.5" />
      <path d="M6 7.5h7M6 10.5h4M6 13.5h3" />
      <circle cx="16" cy="15" r="3.2" />
      <path d="m18.4 17.4 3 3" />
    </svg>
  );
}
