import { Injectable } from '@nestjs/common';
import type { Actor } from '@app/identity';
import { ArticleCycleService, ArticleService, CaptureService, CollectionService, CurationService, EngagementService } from '@app/knowledge';

const EGFR_CASE = `When our coalition audited the second-year renal block, six case vignettes still reported
race-based eGFR. We replaced them in one term.

## What we did
1. Listed every case that used race as a risk factor (the forum thread helped).
2. Asked nephrology faculty to co-write race-free versions.
3. Added a short reading on the history of the race coefficient.

## What changed
Students now discuss *why* the coefficient was removed, and exam questions no longer reward it.`;

const DIALOGUE_GUIDE = `Use these grounding assumptions at the start of every dialogue session:

- Speak from your own experience ("I" statements).
- Listen to understand, not to respond.
- Expect and accept non-closure.
- What is shared here stays here; what is learned here leaves here.

Facilitators re-read them at check-in and name them again when the temperature rises.`;

/**
 * The demo knowledge base: a published case study and guide (reviewed and approved like any other), a draft captured
 * from a forum question, a collection, a story of applying an article, and a helpful vote.
 */
@Injectable()
export class DemoKnowledge {
  constructor(
    private readonly articles: ArticleService,
    private readonly cycle: ArticleCycleService,
    private readonly capture: CaptureService,
    private readonly collections: CollectionService,
    private readonly curation: CurationService,
    private readonly engagement: EngagementService,
  ) {}

  async seed(people: { admin: Actor; facilitator: Actor; faculty: Actor; amara: Actor; hana: Actor; samuel: Actor }, questionTopicId: string): Promise<{ egfrId: string; guideId: string }> {
    const { admin, facilitator, faculty, amara, hana, samuel } = people;
    await this.curation.setContributor(admin, samuel.userId, true);
    const published = async (author: Actor, input: Parameters<ArticleService['create']>[1]) => {
      const article = await this.articles.create(author, input);
      await this.cycle.submit(author, article.id, [samuel.userId]);
      await this.cycle.decide(samuel, article.id, 'approved', 'Clear, and useful to other schools.');
      return this.cycle.publish(author, article.id);
    };
    const egfr = await published(faculty, {
      title: 'Removing race-based eGFR from the renal block',
      summary: 'How Riverside rewrote six case vignettes in one term.',
      body: EGFR_CASE,
      type: 'case_study',
      phases: [4, 5],
      tags: ['curriculum', 'assessment'],
      scope: 'consortium',
      attachments: [{ kind: 'document', title: 'NKF-ASN task force report', url: 'https://www.kidney.org/' }],
    });
    const guide = await published(facilitator, {
      title: 'Grounding assumptions for dialogue sessions',
      summary: 'The agreements every Chats for Change session starts from.',
      body: DIALOGUE_GUIDE,
      type: 'guide',
      phases: [3],
      tags: ['dialogue', 'facilitation'],
      scope: 'consortium',
    });
    await this.capture.fromTopic(faculty, { topicId: questionTopicId, postNumbers: [1, 2], title: 'Case vignettes that use race as a risk factor' });
    const kit = await this.collections.create(facilitator, {
      title: 'Phase 3 starter kit',
      description: 'What to read before your school’s first Chats for Change.',
      scope: 'consortium',
      phase: 3,
    });
    await this.collections.setItems(facilitator, kit.id, [guide.id, egfr.id]);
    await this.engagement.apply(amara, egfr.id, 'Our anatomy block borrowed the audit list; two vignettes were rewritten.');
    await this.engagement.vote(hana, egfr.id, true);
    return { egfrId: egfr.id, guideId: guide.id };
  }
}
