import { Injectable } from '@nestjs/common';
import { Clock } from '@app/core';
import { RoomService } from '@app/chat';
import { PersonalService, PostService, SpaceService, TopicService } from '@app/forum';
import { ActorRepository, DEMO_EMAIL_DOMAIN, UserRepository, type Actor } from '@app/identity';
import { DemoKnowledge } from './demo-knowledge';
import { DemoProgram } from './demo-program';

const GROUNDING_ASSUMPTIONS = [
  '- Speak from your own experience ("I" statements).',
  '- Listen to understand, not to respond.',
  '- Expect and accept non-closure.',
  '- Take care of yourself: step away when you need to.',
  '- What is shared here stays here; what is learned here leaves here.',
].join('\n');

/**
 * Forum spaces, conversations, dialogue rooms and the knowledge base for the demo consortium, written through the same services
 * (and so the same rules) as real use, so a newcomer who runs `npm start` has something to read and join.
 */
@Injectable()
export class DemoContent {
  constructor(
    private readonly users: UserRepository,
    private readonly actors: ActorRepository,
    private readonly spaces: SpaceService,
    private readonly topics: TopicService,
    private readonly posts: PostService,
    private readonly personal: PersonalService,
    private readonly rooms: RoomService,
    private readonly clock: Clock,
    private readonly knowledge: DemoKnowledge,
    private readonly program: DemoProgram,
  ) {}

  private async person(handle: string): Promise<Actor> {
    const email = handle === 'admin' ? `admin@${DEMO_EMAIL_DOMAIN}` : `${handle}@${DEMO_EMAIL_DOMAIN}`;
    const found = await this.users.findCredentials(email);
    const actor = found ? await this.actors.byUserId(found.id) : null;
    if (!actor) throw new Error(`demo person ${handle} is missing`);
    return actor;
  }

  async seed(): Promise<void> {
    const admin = await this.person('admin');
    const facilitator = await this.person('facilitator');
    const lead = await this.person('lead.riverside');
    const faculty = await this.person('faculty.riverside');
    const amara = await this.person('student.riverside');
    const hana = await this.person('student.northfield');
    const samuel = await this.person('faculty.northfield');

    const welcome = await this.spaces.create(admin, {
      name: 'Welcome and introductions',
      description: 'Say hello to the consortium: who you are, where you learn or work, and what brought you here.',
      scope: 'consortium',
      phase: 1,
    });
    await this.spaces.setFacilitators(admin, welcome.id, [facilitator.userId]);
    const hello = await this.topics.create(facilitator, welcome.id, {
      title: 'Introduce yourself',
      body: 'Welcome to ART Commons. Tell us your name, your school and one hope you have for this program.',
      tags: ['introductions'],
      phase: 1,
    });
    await this.posts.reply(amara, hello.id, { body: 'Hi all, I am Amara, a second-year at Riverside. I hope we change how race shows up in our case vignettes.' });
    await this.posts.reply(hana, hello.id, { body: 'Hana from Northfield. I hope to learn from schools that have already started.' });

    const dialogue = await this.spaces.create(admin, {
      name: 'After the Chats for Change',
      description: 'Keep talking after a live session. Anonymous posting is allowed here; facilitators are present.',
      scope: 'consortium',
      phase: 3,
      allowAnonymous: true,
    });
    await this.spaces.setFacilitators(admin, dialogue.id, [facilitator.userId]);
    const agreement = await this.spaces.publishAgreement(facilitator, dialogue.id, GROUNDING_ASSUMPTIONS);
    for (const person of [facilitator, amara, hana, samuel]) await this.spaces.accept(person, dialogue.id, agreement.version);
    const story = await this.topics.create(hana, dialogue.id, {
      title: 'What I noticed on my first clinical rotation',
      body: 'A patient was described to the team by race before anything else. Nobody questioned it, including me.',
      anonymous: true,
      contentNotes: ['describes racial bias in clinical care'],
      phase: 3,
    });
    await this.posts.reply(samuel, story.id, { body: 'Thank you for writing this. It takes courage to name what we did not question.' });

    const curriculum = await this.spaces.create(lead, {
      name: 'Riverside curriculum review',
      description: 'Riverside only: the guiding coalition works through the curriculum together.',
      scope: `inst:${lead.institutionId}`,
      phase: 4,
    });
    const question = await this.topics.create(faculty, curriculum.id, {
      title: 'Which case vignettes still use race as a risk factor?',
      body: 'Let us list them before the next coalition meeting, with the course and the week.',
      kind: 'question',
      tags: ['curriculum', 'assessment'],
      phase: 4,
    });
    const answer = await this.posts.reply(amara, question.id, { body: 'The renal function cases in the second-year block (week 6) use race-based eGFR.' });
    await this.personal.setAnswer(faculty, question.id, answer.postNumber);
    const articles = await this.knowledge.seed({ admin, facilitator, faculty, amara, hana, samuel }, question.id);

    const tomorrow = new Date(this.clock.now().getTime() + 86_400_000);
    tomorrow.setUTCHours(17, 0, 0, 0);
    await this.rooms.create(facilitator, {
      title: 'Chats for Change: naming structural racism',
      scope: 'consortium',
      startsAt: tomorrow.toISOString(),
      endsAt: new Date(tomorrow.getTime() + 90 * 60_000).toISOString(),
      agreement: GROUNDING_ASSUMPTIONS,
      spaceId: dialogue.id,
    });
    await this.rooms.create(facilitator, {
      title: 'Stories from the wards (anonymous)',
      scope: 'consortium',
      anonymous: true,
      retentionDays: 30,
      agreement: GROUNDING_ASSUMPTIONS,
    });

    const [lee, dean, kofi, ana] = await Promise.all(['staff.riverside', 'dean.riverside', 'student2.riverside', 'faculty2.riverside'].map((h) => this.person(h)));
    await this.program.seed({ admin, facilitator, lead, faculty, amara, lee, dean, kofi, ana, hana, samuel }, articles);
  }
}
