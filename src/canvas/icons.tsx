/** Hand-drawn 24×24 line icons (never emoji: many machines have no emoji font). */
export interface IconProps {
  size?: number;
}

/** The svg attributes every icon shares: a 24×24 box, a 1.6 stroke in the text's colour, hidden from screen readers. */
export const iconFrame = (size: number) => ({
  width: size,
  height: size,
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.6,
  strokeLinecap: 'round' as const,
  strokeLinejoin: 'round' as const,
  'aria-hidden': true,
  focusable: false,
});

/** A laptop: where requests come from. */
export function ClientIcon({ size = 20 }: IconProps) {
  return (
    <svg {...iconFrame(size)}>
      <rect x="4" y="5" width="16" height="11" rx="1.5" />
      <path d="M2 19h20" />
      <path d="M10 19l.5-3h3l.5 3" />
    </svg>
  );
}

/** One input fanning out to three outputs. */
export function LoadBalancerIcon({ size = 20 }: IconProps) {
  return (
    <svg {...iconFrame(size)}>
      <circle cx="5" cy="12" r="2" />
      <path d="M7 12h4" />
      <path d="M11 12c3 0 3-6 7-6M11 12h7M11 12c3 0 3 6 7 6" />
      <path d="M16.5 4.5 18 6l-1.5 1.5M16.5 10.5 18 12l-1.5 1.5M16.5 16.5 18 18l-1.5 1.5" />
    </svg>
  );
}

/** A rack unit with status lights. */
export function ServerIcon({ size = 20 }: IconProps) {
  return (
    <svg {...iconFrame(size)}>
      <rect x="3" y="4" width="18" height="7" rx="1.5" />
      <rect x="3" y="13" width="18" height="7" rx="1.5" />
      <path d="M7 7.5h.01M7 16.5h.01" strokeWidth="2.4" />
      <path d="M11 7.5h6M11 16.5h6" />
    </svg>
  );
}

/** The classic cylinder. */
export function DatabaseIcon({ size = 20 }: IconProps) {
  return (
    <svg {...iconFrame(size)}>
      <ellipse cx="12" cy="5.5" rx="7" ry="2.5" />
      <path d="M5 5.5v13c0 1.4 3.1 2.5 7 2.5s7-1.1 7-2.5v-13" />
      <path d="M5 12c0 1.4 3.1 2.5 7 2.5s7-1.1 7-2.5" />
    </svg>
  );
}

/** A key over a small store: sessions kept outside the servers. */
export function SessionStoreIcon({ size = 20 }: IconProps) {
  return (
    <svg {...iconFrame(size)}>
      <rect x="3" y="13" width="18" height="7" rx="1.5" />
      <circle cx="8" cy="7" r="3" />
      <path d="M11 7h9M17 7v2.5M20 7v2" />
      <path d="M7 16.5h.01" strokeWidth="2.4" />
    </svg>
  );
}

/** A lightning bolt over a memory chip: fast answers from memory. */
export function CacheIcon({ size = 20 }: IconProps) {
  return (
    <svg {...iconFrame(size)}>
      <rect x="4" y="4" width="16" height="16" rx="2" />
      <path d="M13 7l-4 5.5h4L11 17l4-6h-4l2-4" />
      <path d="M8 2v2M12 2v2M16 2v2M8 20v2M12 20v2M16 20v2" />
    </svg>
  );
}

/** A globe with points on it: edge locations around the world. */
export function CdnIcon({ size = 20 }: IconProps) {
  return (
    <svg {...iconFrame(size)}>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M3.5 12h17M12 3.5c2.5 2.4 3.6 5.2 3.6 8.5s-1.1 6.1-3.6 8.5c-2.5-2.4-3.6-5.2-3.6-8.5S9.5 5.9 12 3.5z" />
      <circle cx="17" cy="7" r="1.3" fill="currentColor" />
      <circle cx="6.5" cy="15.5" r="1.3" fill="currentColor" />
    </svg>
  );
}


/** A bin, for Delete. */
/** Messages lined up in a tray, oldest leaving on the right: a backlog that waits for consumers. */
export function MessageQueueIcon({ size = 20 }: IconProps) {
  return (
    <svg {...iconFrame(size)}>
      <path d="M2 7v10h14V7" />
      <rect x="4" y="9" width="3" height="6" rx="0.6" />
      <rect x="8.5" y="9" width="3" height="6" rx="0.6" />
      <rect x="13" y="9" width="3" height="6" rx="0.6" />
      <path d="M18 12h4M20.5 10.5 22 12l-1.5 1.5" />
    </svg>
  );
}

/** One point broadcasting to three: a message published once, copied to every subscriber. */
export function TopicIcon({ size = 20 }: IconProps) {
  return (
    <svg {...iconFrame(size)}>
      <circle cx="5" cy="12" r="2.5" />
      <path d="M7.5 12H19M7 10.5 19 5M7 13.5 19 19" />
      <circle cx="20" cy="5" r="1.3" fill="currentColor" />
      <circle cx="20" cy="12" r="1.3" fill="currentColor" />
      <circle cx="20" cy="19" r="1.3" fill="currentColor" />
    </svg>
  );
}

export function TrashIcon({ size = 16 }: IconProps) {
  return (
    <svg {...iconFrame(size)}>
      <path d="M4 7h16M10 7V4.5h4V7M6 7l1 13h10l1-13M10 11v5M14 11v5" />
    </svg>
  );
}

/** Curved arrow to the left, for Undo (mirrored for Redo). */
export function UndoIcon({ size = 16, mirrored = false }: IconProps & { mirrored?: boolean }) {
  return (
    <svg {...iconFrame(size)} style={mirrored ? { transform: 'scaleX(-1)' } : undefined}>
      <path d="M9 14 4 9l5-5" />
      <path d="M4 9h10a6 6 0 0 1 0 12h-3" />
    </svg>
  );
}

/** Two linked rings, for Share. */
export function LinkIcon({ size = 16 }: IconProps) {
  return (
    <svg {...iconFrame(size)}>
      <path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1" />
      <path d="M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1" />
    </svg>
  );
}

/** Arrow into a tray, for Import; arrow out of it for Export. */
export function TrayArrowIcon({ size = 16, direction }: IconProps & { direction: 'in' | 'out' }) {
  return (
    <svg {...iconFrame(size)}>
      <path d="M4 15v4h16v-4" />
      {direction === 'in' ? <path d="M12 4v10M8 10l4 4 4-4" /> : <path d="M12 14V4M8 8l4-4 4 4" />}
    </svg>
  );
}

/** Four corners, for Fit view. */
export function FitIcon({ size = 16 }: IconProps) {
  return (
    <svg {...iconFrame(size)}>
      <path d="M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5" />
    </svg>
  );
}

/** An arched gate with a keyhole: the one way in, where credentials are checked. */
export function GatewayIcon({ size = 20 }: IconProps) {
  return (
    <svg {...iconFrame(size)}>
      <path d="M5 20V10a7 6 0 0 1 14 0v10" />
      <path d="M3 20h18" />
      <circle cx="12" cy="12" r="1.7" />
      <path d="M12 13.7v3" />
    </svg>
  );
}
