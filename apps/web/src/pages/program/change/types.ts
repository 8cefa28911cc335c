import type { Sphere } from '../spheres';

export type { Sphere };

// Shapes of the change program's API (docs/program-change.md), kept by hand like the rest of the client.

export type TargetStatus = 'planned' | 'in_progress' | 'on_hold' | 'achieved' | 'dropped';
export type TargetCategory = 'structural' | 'relational' | 'transformative';
export type Direction = 'increase' | 'decrease';

export interface PersonRef {
  id: string;
  displayName: string;
}

export interface Standing {
  latest: { measuredOn: string; value: number } | null;
  progress: number | null;
  onTrack: boolean;
}

export interface ChartPoint {
  date: string;
  value: number;
}

export interface DashboardIndicator extends Standing {
  id: string;
  name: string;
  unit: string;
  baseline: number;
  targetValue: number;
  direction: Direction;
  series: ChartPoint[];
}

export interface Dashboard {
  school: { id: string; name: string };
  today: string;
  targetsByStatus: Record<TargetStatus, number>;
  targetsByCategory: Record<TargetCategory, number>;
  targets: {
    id: string;
    title: string;
    status: TargetStatus;
    category: TargetCategory;
    sphere: Sphere;
    startsOn: string;
    dueOn: string;
    owner: PersonRef | null;
    indicators: DashboardIndicator[];
  }[];
  overdueSteps: { id: string; title: string; dueOn: string; target: { id: string; title: string }; owner: PersonRef | null }[];
  recentWins: { id: string; title: string; happenedOn: string; target: { id: string; title: string } }[];
  cohorts: { id: string; name: string; currentPhase: number | null }[];
  can: { edit: boolean };
}

export interface Measurement {
  id: string;
  indicatorId: string;
  measuredOn: string;
  value: number;
  note: string;
  evidenceUrls: string[];
  recordedBy: PersonRef | null;
  createdAt: string;
}

export interface Indicator extends Standing {
  id: string;
  targetId: string;
  name: string;
  unit: string;
  baseline: number;
  targetValue: number;
  direction: Direction;
  measurements: Measurement[];
}

export interface Step {
  id: string;
  targetId: string;
  title: string;
  owner: PersonRef | null;
  dueOn: string | null;
  done: boolean;
  doneAt: string | null;
  overdue: boolean;
}

export interface LogEntry {
  id: string;
  targetId: string;
  kind: 'win' | 'correction';
  happenedOn: string;
  title: string;
  body: string;
  reason?: string;
  sharedArticleId: string | null;
  recordedBy: PersonRef | null;
  createdAt: string;
}

export type PlanField = 'stakeholderAnalysis' | 'successFactors' | 'communicationsPlan' | 'studentFeedbackLoop';

export interface TargetDetail {
  id: string;
  schoolId: string;
  title: string;
  description: string;
  owner: PersonRef | null;
  sphere: Sphere;
  category: TargetCategory;
  status: TargetStatus;
  startsOn: string;
  dueOn: string;
  plan: Record<PlanField, string> & { html: Record<PlanField, string> };
  steps: Step[];
  indicators: Indicator[];
  wins: LogEntry[];
  corrections: LogEntry[];
  can: { edit: boolean };
}

export interface CoalitionMember {
  user: PersonRef;
  termStartsOn: string | null;
  termEndsOn: string | null;
  chair: boolean;
  active: boolean;
}

export interface Coalition {
  school: { id: string; name: string };
  today: string;
  groups: { id: string; name: string; description: string; members: CoalitionMember[] }[];
  can: { manage: boolean };
}

export interface ConsortiumFigures {
  cohortsByPhase: { phase: number | null; count: number }[];
  targetsByStatus: Record<TargetStatus, number>;
  targetCount: number;
  indicatorsOnTrack: number;
  indicatorCount: number;
  winsLast90Days: number;
}

export type ConsortiumSchool = ConsortiumFigures & ({ named: true; id: string; name: string; href: string; own: boolean } | { named: false; name: string });

export interface ConsortiumProgress {
  today: string;
  schools: ConsortiumSchool[];
}
