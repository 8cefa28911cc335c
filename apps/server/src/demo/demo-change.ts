import { Injectable } from '@nestjs/common';
import type { Actor } from '@app/identity';
import { CoalitionService, IndicatorService, LogEntryService, PlanStepService, TargetService } from '@app/program';

const DAY_MS = 86_400_000;
const isoDate = (now: Date, days: number) => new Date(now.getTime() + days * DAY_MS).toISOString().slice(0, 10);

interface DemoIndicator {
  name: string;
  unit: string;
  baseline: number;
  targetValue: number;
  direction: 'increase' | 'decrease';
  /** Monthly values, oldest first, the last one this month. */
  values: number[];
}

/**
 * Riverside's change work in the demo: a guiding coalition with one-year terms and a chair, three SMART targets (one
 * per category) with tactical plans, steps (one overdue), indicators measured monthly, a short-term win shared as a
 * story, and a course correction.
 */
@Injectable()
export class DemoChange {
  constructor(
    private readonly coalition: CoalitionService,
    private readonly targets: TargetService,
    private readonly steps: PlanStepService,
    private readonly indicators: IndicatorService,
    private readonly log: LogEntryService,
  ) {}

  async seed(now: Date, people: { lead: Actor; faculty: Actor; dean: Actor; amara: Actor; lee: Actor; ana: Actor }): Promise<void> {
    const { lead, faculty, dean, amara, lee, ana } = people;
    const schoolId = lead.institutionId!;
    const termStart = isoDate(now, -100);
    await this.coalition.setMember(lead, schoolId, lead.userId, { termStartsOn: termStart, chair: true });
    for (const person of [faculty, dean, amara, lee]) await this.coalition.setMember(lead, schoolId, person.userId, { termStartsOn: termStart });

    const vignettes = await this.target(now, lead, schoolId, {
      title: 'Race-conscious, not race-based, case vignettes in years 1–2',
      description: 'Every case that names race explains it as a social construct and never as a biological risk factor.',
      ownerId: faculty.userId,
      sphere: 'curriculum',
      category: 'structural',
      status: 'in_progress',
      startsOn: isoDate(now, -90),
      dueOn: isoDate(now, 200),
      plan: {
        stakeholderAnalysis: '- **Course directors**: own the cases; supportive once given time.\n- **Students**: found most of the cases; want to co-review.',
        successFactors: 'Two reviewers per case, one of them a student; a shared checklist.',
        communicationsPlan: 'Monthly update at the curriculum committee; a note to all students each term.',
        studentFeedbackLoop: 'Students flag cases through the forum; the coalition answers within two weeks.',
      },
    }, [
      { name: 'Vignettes reviewed', unit: '%', baseline: 0, targetValue: 100, direction: 'increase', values: [0, 8, 19, 33, 41, 56] },
      { name: 'Cases using race as a risk factor', unit: 'cases', baseline: 14, targetValue: 0, direction: 'decrease', values: [14, 13, 11, 9, 6, 5] },
    ]);
    await this.steps.add(lead, vignettes, { title: 'Audit list of all year 1–2 cases', ownerId: amara.userId, dueOn: isoDate(now, -60) }).then((s) => this.steps.update(lead, s.id, { done: true }));
    await this.steps.add(lead, vignettes, { title: 'Rewrite the renal block cases', ownerId: ana.userId, dueOn: isoDate(now, -5) });
    await this.steps.add(lead, vignettes, { title: 'Train student co-reviewers', ownerId: amara.userId, dueOn: isoDate(now, 30) });
    const win = await this.log.addWin(lead, vignettes, {
      happenedOn: isoDate(now, -20),
      title: 'The renal block is race-free',
      body: 'All six renal cases were rewritten with nephrology faculty; the exam questions followed.',
    });
    await this.log.share(lead, win.id, { nameSchool: true });

    const admissions = await this.target(now, lead, schoolId, {
      title: 'Holistic review for every interview offer',
      description: 'All interview offers follow holistic review with trained readers.',
      ownerId: lee.userId,
      sphere: 'admissions',
      category: 'structural',
      status: 'in_progress',
      startsOn: isoDate(now, -60),
      dueOn: isoDate(now, 300),
    }, [{ name: 'Readers trained in holistic review', unit: 'readers', baseline: 6, targetValue: 40, direction: 'increase', values: [6, 6, 11, 17, 22, 24] }]);
    await this.log.addCorrection(lead, admissions, {
      happenedOn: isoDate(now, -15),
      title: 'Training moved to small groups',
      body: 'One large workshop became four small-group sessions.',
      reason: 'Readers said the large format left no room for the hard questions; attendance at the first one was half the plan.',
    });

    await this.target(now, lead, schoolId, {
      title: 'Students of colour feel they belong',
      description: 'Belonging among students of colour rises to the level of their peers.',
      ownerId: dean.userId,
      sphere: 'learning_environment',
      category: 'relational',
      status: 'planned',
      startsOn: isoDate(now, 0),
      dueOn: isoDate(now, 365),
    }, [{ name: 'Belonging score (students of colour)', unit: 'points', baseline: 3.1, targetValue: 4, direction: 'increase', values: [3.1] }]);
  }

  private async target(now: Date, lead: Actor, schoolId: string, input: Parameters<TargetService['create']>[2], indicators: DemoIndicator[]): Promise<string> {
    const target = await this.targets.create(lead, schoolId, input);
    for (const { values, ...fields } of indicators) {
      const indicator = await this.indicators.add(lead, target.id, fields);
      const months = values.length;
      for (const [i, value] of values.entries()) {
        await this.indicators.record(lead, indicator.id, { measuredOn: isoDate(now, -30 * (months - 1 - i)), value, unit: fields.unit });
      }
    }
    return target.id;
  }
}
