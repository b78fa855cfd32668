/** Small line icons for the editor toolbar; the buttons carry the accessible names. */
import type { ReactNode } from "react";

function Icon(props: { children: ReactNode }) {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 20 20"
      className="h-5 w-5"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {props.children}
    </svg>
  );
}

export function BoldIcon() {
  return (
    <span aria-hidden="true" className="w-5 text-center font-serif text-lg font-bold">
      B
    </span>
  );
}

export function ItalicIcon() {
  return (
    <span aria-hidden="true" className="w-5 text-center font-serif text-lg italic">
      I
    </span>
  );
}

export function BulletListIcon() {
  return (
    <Icon>
      <circle cx="4" cy="5" r="1" fill="currentColor" />
      <circle cx="4" cy="10" r="1" fill="currentColor" />
      <circle cx="4" cy="15" r="1" fill="currentColor" />
      <path d="M8 5h9M8 10h9M8 15h9" />
    </Icon>
  );
}

export function NumberedListIcon() {
  return (
    <Icon>
      <path d="M3 3.5h1.5V7M3 7h3M3 12.5c0-1 2.8-1 2.8 0.4 0 1-2.8 1.6-2.8 3h3" strokeWidth="1.3" />
      <path d="M9 5h8M9 10h8M9 15h8" />
    </Icon>
  );
}

export function LinkIcon() {
  return (
    <Icon>
      <path d="M8.5 11.5a3 3 0 0 0 4.2 0l2.8-2.8a3 3 0 0 0-4.2-4.2l-1 1" />
      <path d="M11.5 8.5a3 3 0 0 0-4.2 0l-2.8 2.8a3 3 0 0 0 4.2 4.2l1-1" />
    </Icon>
  );
}

export function UndoIcon() {
  return (
    <Icon>
      <path d="M7 5 3.5 8.5 7 12" />
      <path d="M4 8.5h8a4.5 4.5 0 0 1 0 9H9" />
    </Icon>
  );
}

export function RedoIcon() {
  return (
    <Icon>
      <path d="m13 5 3.5 3.5L13 12" />
      <path d="M16 8.5H8a4.5 4.5 0 0 0 0 9h3" />
    </Icon>
  );
}
