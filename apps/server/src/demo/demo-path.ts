import { Injectable } from '@nestjs/common';
import type { Actor } from '@app/identity';
import { CohortProgramService, ContentService, ItemProgressService, type NewItemInput } from '@app/program';

/** Learning-path items by phase; `article` and `assessment` are filled in from what the rest of the demo made. */
type DemoItem = Omit<NewItemInput, 'required'> & { required?: boolean; ref?: string };
interface DemoModule {
  phase: number;
  title: string;
  description: string;
  items: DemoItem[];
}

const MODULES = (links: { egfrId: string; guideId: string; readinessId: string }): DemoModule[] => [
  {
    phase: 1,
    title: 'Welcome and readiness',
    description: 'Meet the program, take stock of where you start, and map what your school already does.',
    items: [
      { kind: 'video', title: 'Why this program, and why now', videoUrl: 'https://videos.art-commons.example/welcome', body: '**Notes.** The program runs in six phases over about two years. Each phase has a dialogue & framing session, self-paced learning, a coaching session and a community-of-practice session.' },
      { kind: 'assessment', title: 'Individual readiness for change', instrumentId: links.readinessId, ref: 'readiness' },
      { kind: 'activity', title: 'Map what your school already does', body: 'List two anti-racism efforts you know of at your school: who runs them, and how you know whether they work.', ref: 'map' },
    ],
  },
  {
    phase: 2,
    title: 'A shared language',
    description: 'Definitions, history, and the agreements the cohort will work by.',
    items: [
      { kind: 'reading', title: 'Structural racism in medicine: key terms', linkUrl: 'https://www.aamc.org/', body: 'Read the glossary before the dialogue session; bring one term you would define differently.' },
      { kind: 'activity', title: 'Where did you first learn about race in medicine?', body: 'Write a short reflection (for your facilitators; share it with your cohort if you wish).', ref: 'reflection' },
      { kind: 'video', title: 'The history of race correction in clinical algorithms', videoUrl: 'https://videos.art-commons.example/race-correction', required: false },
    ],
  },
  {
    phase: 3,
    title: 'Chats for Change',
    description: 'Dialogue across the school, and a guiding coalition with a mandate.',
    items: [
      { kind: 'reading', title: 'Grounding assumptions for dialogue sessions', articleId: links.guideId },
      { kind: 'activity', title: 'Plan your first Chat for Change', body: 'Who will you invite, which question will you start from, and who co-facilitates?', ref: 'chat-plan' },
    ],
  },
  {
    phase: 4,
    title: 'Change targets and tactical plans',
    description: 'From stories to SMART change targets, each with a plan and indicators.',
    items: [
      { kind: 'reading', title: 'Case study: removing race-based eGFR', articleId: links.egfrId, ref: 'egfr' },
      { kind: 'activity', title: 'Draft a SMART change target', body: 'Specific, measurable, achievable, relevant, time-bound: write one target for your sphere of the school, with one indicator.', ref: 'smart' },
      { kind: 'video', title: 'Outcome mapping in twelve minutes', videoUrl: 'https://videos.art-commons.example/outcome-mapping', required: false },
    ],
  },
  {
    phase: 5,
    title: 'Sustaining change',
    description: 'Measure, celebrate short-term wins and correct course in the open.',
    items: [{ kind: 'activity', title: 'Record a short-term win', body: 'What changed, who noticed, and what evidence do you have?' }],
  },
  {
    phase: 6,
    title: 'Building the community of practice',
    description: 'Turn what worked into knowledge other schools can use.',
    items: [{ kind: 'activity', title: 'Share a story of value created', body: 'Write the story of one change for the knowledge base: the problem, what you did, what happened.' }],
  },
];

const DAY_MS = 86_400_000;
const isoDate = (now: Date, days: number) => new Date(now.getTime() + days * DAY_MS).toISOString().slice(0, 10);

export interface DemoPathResult {
  itemIds: Map<string, string>;
}

/**
 * The demo's learning path: a module per phase, Riverside's cohort midway (phase 4, earlier phases dated in the
 * past, most of its members through them, one with an overdue reflection) and Northfield's cohort in phase 2.
 */
@Injectable()
export class DemoPath {
  constructor(
    private readonly content: ContentService,
    private readonly cohorts: CohortProgramService,
    private readonly progress: ItemProgressService,
  ) {}

  async seedContent(admin: Actor, links: { egfrId: string; guideId: string; readinessId: string }): Promise<DemoPathResult> {
    const itemIds = new Map<string, string>();
    const byPhase = new Map<number, string[]>();
    for (const module of MODULES(links)) {
      const created = await this.content.createModule(admin, { phase: module.phase, title: module.title, description: module.description });
      for (const [position, { ref, required, ...item }] of module.items.entries()) {
        const made = await this.content.createItem(admin, created.id, { ...item, required: required ?? true, position });
        if (ref) itemIds.set(ref, made.id);
        byPhase.set(module.phase, [...(byPhase.get(module.phase) ?? []), made.id]);
      }
    }
    for (const [phase, ids] of byPhase) ids.forEach((id, i) => itemIds.set(`phase${phase}.${i}`, id));
    return { itemIds };
  }

  /** Phase dates relative to today, so the demo is always midway whatever day it starts. */
  async placeCohorts(facilitator: Actor, now: Date, riversideCohortId: string, northfieldCohortId: string): Promise<void> {
    const span = (starts: number, ends: number) => ({ startsOn: isoDate(now, starts), endsOn: isoDate(now, ends) });
    await this.cohorts.setDates(facilitator, riversideCohortId, [
      { phase: 1, ...span(-150, -121) },
      { phase: 2, ...span(-120, -91) },
      { phase: 3, ...span(-90, -31) },
      { phase: 4, ...span(-30, 30) },
      { phase: 5, ...span(31, 180) },
      { phase: 6, ...span(181, 300) },
    ]);
    await this.cohorts.setPhase(facilitator, riversideCohortId, 4);
    await this.cohorts.setDates(facilitator, northfieldCohortId, [
      { phase: 1, ...span(-40, -11) },
      { phase: 2, ...span(-10, 50) },
    ]);
    await this.cohorts.setPhase(facilitator, northfieldCohortId, 2);
  }

  /** Items done, in progress and overdue; the assessment items are completed by the readiness answers themselves. */
  async walk(path: DemoPathResult, people: { amara: Actor; lee: Actor; kofi: Actor }): Promise<void> {
    const id = (ref: string) => path.itemIds.get(ref)!;
    const { amara, lee, kofi } = people;
    const done = async (actor: Actor, ref: string, response?: { response: string; sharedWithCohort: boolean }) => {
      if (response) await this.progress.saveResponse(actor, id(ref), response);
      await this.progress.complete(actor, id(ref));
    };
    await done(amara, 'phase1.0');
    await done(amara, 'map', { response: 'The pipeline program (admissions, since 2019: we count applicants, not outcomes) and the bias-reporting form (student affairs: nobody knows what happens after a report).', sharedWithCohort: true });
    await done(amara, 'phase2.0');
    await done(amara, 'reflection', { response: 'In my first anatomy lecture, when race was listed as a "risk factor" without any explanation of why.', sharedWithCohort: false });
    await done(amara, 'phase3.0');
    await done(amara, 'chat-plan', { response: 'Second-years and the clinical skills faculty; starting question: "Whose story gets told in our cases?" Lee co-facilitates.', sharedWithCohort: true });
    await done(amara, 'egfr');
    await this.progress.saveResponse(amara, id('smart'), {
      response: 'By June, every case vignette in years 1–2 that names race explains it as a social construct, checked by two reviewers (indicator: % of vignettes reviewed).',
      sharedWithCohort: true,
    });
    await done(lee, 'phase1.0');
    await done(lee, 'map', { response: 'Holistic review training for admissions readers, started last year.', sharedWithCohort: true });
    await this.progress.start(lee, id('reflection'));
    await done(kofi, 'phase1.0');
  }
}
