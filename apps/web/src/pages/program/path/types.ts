// Shapes of the learning-path API (docs/program-path.md), kept by hand like lib/types.ts.

export type ItemKind = 'video' | 'reading' | 'activity' | 'assessment';
export type ItemStatus = 'not_started' | 'in_progress' | 'done';

export interface Tally {
  done: number;
  total: number;
  requiredDone: number;
  requiredTotal: number;
}

export interface PhaseDates {
  phase: number;
  startsOn: string;
  endsOn: string;
}

export interface PathItem {
  id: string;
  kind: ItemKind;
  title: string;
  required: boolean;
  position: number;
  status: ItemStatus;
  completedAt: string | null;
  dueOn: string | null;
  overdue: boolean;
}

export interface PathModule {
  id: string;
  title: string;
  description: string;
  position: number;
  items: PathItem[];
}

export interface PathPhase {
  number: number;
  title: string;
  description: string;
  goals: string[];
  current: boolean;
  startsOn: string | null;
  endsOn: string | null;
  progress: Tally;
  modules: PathModule[];
}

export interface MyPath {
  cohort: { id: string; name: string; currentPhase: number | null; phaseDates: PhaseDates[] } | null;
  cohorts: { id: string; name: string }[];
  currentPhase: number | null;
  today: string;
  progress: Tally;
  phases: PathPhase[];
  can: { manage: boolean; facilitate: boolean };
}

export interface SharedResponse {
  author: { id: string; displayName: string };
  html: string;
  updatedAt: string;
}

export interface ItemDetail {
  id: string;
  kind: ItemKind;
  title: string;
  required: boolean;
  phase: number;
  module: { id: string; title: string };
  html: string;
  body?: string;
  videoUrl: string | null;
  article: { id: string; title: string; summary: string } | null;
  linkUrl: string | null;
  instrumentId: string | null;
  cohort: { id: string; name: string } | null;
  dueOn: string | null;
  overdue: boolean;
  progress: {
    status: ItemStatus;
    startedAt: string | null;
    completedAt: string | null;
    response: { body: string; html: string; sharedWithCohort: boolean; updatedAt: string } | null;
  };
  peerResponses: SharedResponse[];
  can: { manage: boolean; complete: boolean; respond: boolean };
}

export interface CohortPlan {
  id: string;
  name: string;
  institutionId: string;
  currentPhase: number | null;
  phaseDates: PhaseDates[];
}

export interface ProgressMatrix {
  cohort: CohortPlan;
  requiredTotal: number;
  items: {
    id: string;
    title: string;
    kind: ItemKind;
    required: boolean;
    phase: number;
    module: { id: string; title: string };
    dueOn: string | null;
    completedCount: number;
  }[];
  members: {
    id: string;
    displayName: string;
    done: number;
    requiredDone: number;
    cells: { itemId: string; status: ItemStatus; completedAt: string | null }[];
  }[];
}

export interface FacilitatorResponse extends SharedResponse {
  sharedWithCohort: boolean;
  status: ItemStatus;
}

export interface Phase {
  number: number;
  title: string;
  description: string;
  goals: string[];
  moduleCount: number;
  itemCount: number;
}
