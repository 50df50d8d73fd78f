/** The mark: three nodes and the requests between them. */
export function Logo() {
  return (
    <svg width="26" height="26" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect x="1" y="1" width="30" height="30" rx="8" fill="#2f5bd3" />
      <path d="M9 16h6M17 16l6-6M17 16l6 6" stroke="#fff" strokeWidth="2" strokeLinecap="round" />
      <circle cx="8" cy="16" r="3" fill="#fff" />
      <circle cx="24" cy="9.5" r="2.6" fill="#bcd0ff" />
      <circle cx="24" cy="22.5" r="2.6" fill="#bcd0ff" />
      <circle cx="16" cy="16" r="2" fill="#ffd166" />
    </svg>
  );
}
