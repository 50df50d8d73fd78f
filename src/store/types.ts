import type { BoundsSweepSlice } from './bounds-sweep-slice';
import type { FieldSweepSlice } from './field-sweep-slice';
import type { MetricsSlice } from './metrics-slice';
import type { RunSlice } from './run-slice';
import type { ScenarioSlice } from './scenario-slice';
import type { SweepSlice } from './sweep-slice';
import type { UiSlice } from './ui-slice';

/** The whole store: one zustand store built from its slices. */
export type AppState = ScenarioSlice & UiSlice & RunSlice & MetricsSlice & SweepSlice & BoundsSweepSlice & FieldSweepSlice;

/** What the inspector shows: one node, one link, or (null) the scenario's settings. */
export type Selection = { kind: 'node'; id: string } | { kind: 'link'; id: string } | null;

export type MessageTone = 'info' | 'success' | 'warning' | 'error';

/** A toast. Errors and warnings stay until dismissed; info and success fade. */
export interface Message {
  id: number;
  tone: MessageTone;
  title: string;
  details?: string[];
  /** One thing to do about it, offered as a button in the message (e.g. "Export JSON"). */
  action?: { label: string; run(): void };
}
