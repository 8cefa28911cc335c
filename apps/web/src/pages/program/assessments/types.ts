import type { Sphere } from '../spheres';

export type { Sphere };

// Shapes from docs/program-assessments.md, kept by hand like the rest of the client's types.

export type InstrumentKind = 'individual_readiness' | 'school_readiness';
export type ItemType = 'likert' | 'single' | 'multiple' | 'text';
export type VersionStatus = 'draft' | 'published' | 'retired';

export interface InstrumentItem {
  key: string;
  type: ItemType;
  prompt: string;
  options?: string[];
  required: boolean;
}

export interface InstrumentSection {
  key: string;
  title: string;
  items: InstrumentItem[];
}

export interface InstrumentVersion {
  id: string;
  version: number;
  status: VersionStatus;
  sections?: InstrumentSection[];
  publishedAt: string | null;
  retiredAt: string | null;
}

export interface Instrument {
  id: string;
  kind: InstrumentKind;
  title: string;
  description: string;
  published: InstrumentVersion | null;
  /** Admins only: every version, newest first. */
  versions?: InstrumentVersion[];
}

export type AnswerValue = number | string | string[];

export interface ResponseScores {
  id: string;
  instrumentId: string;
  versionId: string;
  version: number;
  respondentRole: 'member' | 'leadership';
  submittedAt: string;
  overallScore: number | null;
  sections: { key: string; title: string; score: number | null }[];
}

export interface MyResults {
  items: { instrument: { id: string; kind: InstrumentKind; title: string }; responses: ResponseScores[] }[];
}

export type Distribution = Record<'1' | '2' | '3' | '4' | '5', number>;

export type ItemAggregate =
  | { key: string; sectionKey: string; prompt: string; type: ItemType; status: 'not_enough_responses' }
  | {
      key: string;
      sectionKey: string;
      prompt: string;
      type: 'likert';
      status: 'ok';
      n: number;
      mean: number | null;
      distribution: Distribution;
    }
  | {
      key: string;
      sectionKey: string;
      prompt: string;
      type: 'single' | 'multiple';
      status: 'ok';
      n: number;
      counts: { option: string; count: number }[];
    };

export type GroupAggregate =
  | { versionId: string; version: number; period: string; status: 'not_enough_responses' }
  | {
      versionId: string;
      version: number;
      period: string;
      status: 'ok';
      n: number;
      meanOverall: number | null;
      sections: { key: string; title: string; mean: number | null }[];
      items: ItemAggregate[];
    };

export type TrendPoint =
  { period: string; status: 'not_enough_responses' } | { period: string; status: 'ok'; n: number; meanOverall: number | null };

export type Period = 'quarter' | 'year';

export interface SchoolResults {
  school: { id: string; name: string };
  instrument: { id: string; kind: InstrumentKind; title: string };
  period: Period;
  minimumResponses: number;
  groups: GroupAggregate[];
  trend: TrendPoint[];
  canExport: boolean;
}

export interface SchoolDistribution {
  period: Period;
  minimumResponses: number;
  periods: { period: string; schools: { id?: string; name: string; own: boolean; mean: number }[] }[];
}

export type EffortStatus = 'planned' | 'active' | 'paused' | 'ended';

export interface LandscapeEffort {
  id: string;
  institutionId: string;
  name: string;
  sphere: Sphere;
  startedOn: string | null;
  status: EffortStatus;
  effectivenessEvidence: string;
  createdBy: { id: string; displayName: string | null } | null;
  createdAt: string;
  updatedAt: string;
}

export interface LandscapePage {
  items: LandscapeEffort[];
  nextCursor: string | null;
  school: { id: string; name: string };
  canEdit: boolean;
}
