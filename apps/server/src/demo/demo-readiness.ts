import { Injectable } from '@nestjs/common';
import { InstitutionService, type Actor } from '@app/identity';
import { AssessmentResponseService, InstrumentService, LandscapeService, type InstrumentSection } from '@app/program';

const likert = (key: string, prompt: string) => ({ key, type: 'likert' as const, prompt, required: true });

const INDIVIDUAL: InstrumentSection[] = [
  {
    key: 'awareness',
    title: 'Awareness',
    items: [
      likert('a1', 'I can describe how structural racism shapes health outcomes.'),
      likert('a2', 'I notice when race is used without explanation in teaching material.'),
      likert('a3', 'I understand the history of race in medicine at my school.'),
    ],
  },
  {
    key: 'commitment',
    title: 'Commitment',
    items: [
      likert('c1', 'I am willing to speak up when I witness racism.'),
      likert('c2', 'I will give time each month to the change effort.'),
      { key: 'c3', type: 'single', prompt: 'How often do you talk about race at work or school?', options: ['Never', 'Sometimes', 'Often'], required: true },
    ],
  },
  {
    key: 'reflection',
    title: 'Reflection',
    items: [{ key: 'r1', type: 'text', prompt: 'What would help you most in this program?', required: false }],
  },
];

const SCHOOL: InstrumentSection[] = [
  {
    key: 'leadership',
    title: 'Leadership',
    items: [likert('l1', 'Our leadership names anti-racism as a priority in public.'), likert('l2', 'Leaders commit budget and time to the change effort.')],
  },
  {
    key: 'structures',
    title: 'Structures',
    items: [likert('s1', 'Our policies are reviewed for racial equity.'), likert('s2', 'We collect and share data by race and ethnicity.')],
  },
  {
    key: 'culture',
    title: 'Culture',
    items: [likert('k1', 'People at our school can raise racism without fear of retaliation.'), likert('k2', 'Students are partners in changing the curriculum.')],
  },
];

/** Answers per person: a few points apart, so the school's distribution says something. */
const INDIVIDUAL_ANSWERS = [
  { a1: 4, a2: 5, a3: 3, c1: 4, c2: 5, c3: 'Often', r1: 'Protected time and a peer to practise with.' },
  { a1: 3, a2: 4, a3: 2, c1: 4, c2: 3, c3: 'Sometimes' },
  { a1: 2, a2: 3, a3: 2, c1: 3, c2: 4, c3: 'Sometimes' },
  { a1: 4, a2: 4, a3: 4, c1: 5, c2: 4, c3: 'Often' },
  { a1: 3, a2: 3, a3: 3, c1: 4, c2: 3, c3: 'Never' },
  { a1: 5, a2: 4, a3: 3, c1: 5, c2: 4, c3: 'Often' },
];
const SCHOOL_ANSWERS = [
  { l1: 4, l2: 2, s1: 2, s2: 3, k1: 2, k2: 3 },
  { l1: 3, l2: 3, s1: 2, s2: 2, k1: 3, k2: 2 },
  { l1: 4, l2: 3, s1: 3, s2: 3, k1: 2, k2: 3 },
  { l1: 5, l2: 3, s1: 2, s2: 4, k1: 3, k2: 4 },
  { l1: 3, l2: 2, s1: 1, s2: 3, k1: 2, k2: 3 },
];

/**
 * The demo's readiness assessments and landscape inventory: both instruments published, Riverside past the five
 * answers its results need (so they show), Northfield below it (so "not enough responses" shows), Riverside
 * named to other schools.
 */
@Injectable()
export class DemoReadiness {
  constructor(
    private readonly instruments: InstrumentService,
    private readonly responses: AssessmentResponseService,
    private readonly landscape: LandscapeService,
    private readonly institutions: InstitutionService,
  ) {}

  async seedInstruments(admin: Actor): Promise<{ individualId: string; schoolId: string }> {
    const publish = async (kind: 'individual_readiness' | 'school_readiness', title: string, description: string, sections: InstrumentSection[]) => {
      const instrument = await this.instruments.create(admin, { kind, title, description });
      await this.instruments.saveDraft(admin, instrument.id, 1, sections);
      await this.instruments.publish(admin, instrument.id, 1);
      return instrument.id as string;
    };
    const individualId = await publish('individual_readiness', 'Individual readiness for change', 'Taken at onboarding and again each year.', INDIVIDUAL);
    const schoolId = await publish('school_readiness', 'School readiness for change', 'Answered by the school’s cohort and leadership.', SCHOOL);
    return { individualId, schoolId };
  }

  async answer(ids: { individualId: string; schoolId: string }, individual: Actor[], school: Actor[]): Promise<void> {
    const versionOf = async (actor: Actor, id: string) => (await this.instruments.get(actor, id)).published!.id;
    for (const [i, actor] of individual.entries()) {
      const versionId = await versionOf(actor, ids.individualId);
      await this.responses.submit(actor, ids.individualId, { versionId, answers: INDIVIDUAL_ANSWERS[i % INDIVIDUAL_ANSWERS.length] });
    }
    for (const [i, actor] of school.entries()) {
      const versionId = await versionOf(actor, ids.schoolId);
      await this.responses.submit(actor, ids.schoolId, { versionId, answers: SCHOOL_ANSWERS[i % SCHOOL_ANSWERS.length] });
    }
  }

  async mapLandscape(lead: Actor, schoolId: string): Promise<void> {
    await this.institutions.update(lead, schoolId, { namedToPeers: true });
    const efforts = [
      { name: 'Pipeline program for first-generation applicants', sphere: 'admissions', startedOn: '2019-09-01', status: 'active', effectivenessEvidence: 'Applicant numbers tracked yearly; outcomes after admission not yet followed.' },
      { name: 'Bias-reporting form', sphere: 'learning_environment', startedOn: '2021-01-15', status: 'active', effectivenessEvidence: 'Reports received; no feedback loop to reporters yet.' },
      { name: 'Implicit-bias workshop for faculty', sphere: 'workforce', startedOn: '2018-03-01', status: 'ended', effectivenessEvidence: 'Attendance only; ended when its funding did.' },
    ] as const;
    for (const effort of efforts) await this.landscape.create(lead, schoolId, effort);
  }
}
