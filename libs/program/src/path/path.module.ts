import { Module } from '@nestjs/common';
import { KnowledgeModule } from '@app/knowledge';
import { CohortPlanRepository } from './repositories/cohort-plan.repository';
import { ContentRepository } from './repositories/content.repository';
import { PathDigestSource, PathNoticeRepository } from './repositories/overdue.repository';
import { PhaseRepository } from './repositories/phase.repository';
import { ProgressRepository } from './repositories/progress.repository';
import { ArticleLookup } from '../article-lookup.service';
import { CohortProgramService } from './services/cohort-program.service';
import { ContentService } from './services/content.service';
import { ItemProgressService } from './services/item-progress.service';
import { MyCohort } from './services/my-cohort.service';
import { MyPathService } from './services/my-path.service';
import { PhaseService } from './services/phase.service';

const REPOSITORIES = [PhaseRepository, ContentRepository, CohortPlanRepository, ProgressRepository];
const SERVICES = [PhaseService, ContentService, MyPathService, ItemProgressService, CohortProgramService];
/** Read by libs/notifications for the overdue nudge and the digest: the program never imports notifications. */
const NOTICE_SOURCES = [PathNoticeRepository, PathDigestSource];

/** Phases, the learning path's modules and items, each member's progress, and a cohort's phase and dates. */
@Module({
  imports: [KnowledgeModule],
  providers: [...REPOSITORIES, ...SERVICES, ...NOTICE_SOURCES, ArticleLookup, MyCohort],
  exports: [...SERVICES, ...NOTICE_SOURCES],
})
export class LearningPathModule {}
