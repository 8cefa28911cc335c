import { FormStatus } from '../../../components/form-status';
import { Loading } from '../../../components/loading';
import { Page } from '../../../components/page';
import { api, ApiError, itemsOf } from '../../../lib/api';
import type { Cohort } from '../../../lib/types';
import { useLoad } from '../../../lib/use-load';
import { NotFoundPage } from '../../not-found.page';
import { dayLabel, itemPath, KIND_LABELS } from './path-labels';
import { OverdueMark, ProgressBar, StatusBadge } from './path-parts';
import type { MyPath, PathPhase } from './types';
import './path.css';

/** /program: my learning path, phase by phase, with my progress and my cohort's dates. */
export function PathPage({ search }: { search: string }) {
  const cohortId = new URLSearchParams(search).get('cohortId') ?? undefined;
  const path = useLoad(() => api.get<MyPath>('/program/path', { cohortId }), [cohortId]);
  if (path.loading && !path.data) return <Loading what="Loading your learning path" />;
  const p = path.data;
  if (!p) {
    if (path.error instanceof ApiError && [400, 404].includes(path.error.status)) return <NotFoundPage />;
    return (
      <Page title="Learning path">
        <FormStatus error={path.error} />
      </Page>
    );
  }
  const current = p.phases.find((phase) => phase.current);
  return (
    <Page title="Learning path" intro={<p>Six phases, each with self-paced videos, readings, activities and assessments.</p>}>
      <section class="card" aria-label="Your cohort and progress">
        {p.cohort ? (
          <p>
            Your cohort: <strong>{p.cohort.name}</strong>
            {current ? ` · Current phase: ${current.number}, ${current.title}` : ' · The cohort has not started a phase yet'}
          </p>
        ) : (
          <p class="muted">You are not in a cohort, so your path has no dates.</p>
        )}
        {p.cohorts.length > 1 && (
          <nav aria-label="Your cohorts" class="inline-links">
            {p.cohorts.map((c) =>
              c.id === p.cohort?.id ? (
                <strong key={c.id} aria-current="page">
                  {c.name}
                </strong>
              ) : (
                <a key={c.id} href={`/program?cohortId=${encodeURIComponent(c.id)}`}>
                  {c.name}
                </a>
              ),
            )}
          </nav>
        )}
        <ProgressBar tally={p.progress} label="Your progress on the whole path" />
        <p class="inline-links">
          <a href="/assessments">Your readiness assessments</a> · <a href="/calendar">Your sessions</a>
        </p>
        {p.can.manage && (
          <p>
            <a href="/program/manage">Manage the learning path</a> · <a href="/admin/instruments">Assessment instruments</a>
          </p>
        )}
        {p.can.facilitate && <FacilitatedCohorts />}
      </section>
      {p.phases.map((phase) => (
        <PhaseSection key={phase.number} phase={phase} />
      ))}
    </Page>
  );
}

function PhaseSection({ phase }: { phase: PathPhase }) {
  const headingId = `phase-${phase.number}`;
  return (
    <section class={`card path-phase${phase.current ? ' path-phase-current' : ''}`} aria-labelledby={headingId}>
      <h2 id={headingId}>
        Phase {phase.number}: {phase.title}
        {phase.current && <span class="badge path-current-badge">Current phase</span>}
      </h2>
      {phase.startsOn && phase.endsOn && (
        <p class="muted">
          {dayLabel(phase.startsOn)} to {dayLabel(phase.endsOn)}
        </p>
      )}
      <p>{phase.description}</p>
      {phase.progress.total > 0 && <ProgressBar tally={phase.progress} label={`Your progress in phase ${phase.number}`} />}
      {phase.modules.length === 0 && <p class="muted">No learning in this phase yet.</p>}
      {phase.modules.map((module) => (
        <div key={module.id} class="path-module">
          <h3>{module.title}</h3>
          {module.description && <p class="muted">{module.description}</p>}
          <ul class="path-items" aria-label={`Items in ${module.title}`}>
            {module.items.map((item) => (
              <li key={item.id} class={item.overdue ? 'path-item path-item-overdue' : 'path-item'}>
                <a href={itemPath(item.id)}>{item.title}</a>
                <span class="muted">
                  {' '}
                  · {KIND_LABELS[item.kind]} · {item.required ? 'Required' : 'Optional'}
                </span>{' '}
                <StatusBadge status={item.status} />
                {item.overdue && <OverdueMark dueOn={item.dueOn} />}
                {!item.overdue && item.dueOn && item.status !== 'done' && item.required && (
                  <span class="muted"> · Due {dayLabel(item.dueOn)}</span>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

/** Facilitators and school leads reach their cohorts' pages from here; each page checks access itself. */
function FacilitatedCohorts() {
  const cohorts = useLoad(() => api.get<{ items: Cohort[] }>('/cohorts'), []);
  const list = itemsOf(cohorts.data);
  if (list.length === 0) return null;
  return (
    <nav aria-label="Cohorts you facilitate">
      <h2 class="path-subheading">Cohorts you facilitate</h2>
      <ul class="plain-list">
        {list.map((c) => (
          <li key={c.id}>
            <a href={`/program/cohorts/${encodeURIComponent(c.id)}`}>{c.name}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
