import { DataTable } from '../../../components/data-table';
import { periodText, scoreText } from './labels';
import type { GroupAggregate, ItemAggregate, SchoolDistribution, TrendPoint } from './types';

/** Said the same way wherever a group is too small, so no one mistakes it for a score of zero. */
export function NotEnough({ minimum }: { minimum: number }) {
  return (
    <p class="notice notice-info not-enough">
      Not enough responses to show yet: results appear once {minimum} or more people have answered.
    </p>
  );
}

export function TrendTable({ trend, minimum }: { trend: TrendPoint[]; minimum: number }) {
  return (
    <DataTable caption="Overall score per period" visibleCaption columns={['Period', 'Respondents', 'Mean score']}>
      {trend.map((point) => (
        <tr key={point.period}>
          <td>{periodText(point.period)}</td>
          {point.status === 'ok' ? (
            <>
              <td>{point.n}</td>
              <td>{scoreText(point.meanOverall)}</td>
            </>
          ) : (
            <td colSpan={2}>Not enough responses (fewer than {minimum})</td>
          )}
        </tr>
      ))}
    </DataTable>
  );
}

function LikertRows({ items }: { items: ItemAggregate[] }) {
  const likert = items.filter((i) => i.type === 'likert');
  if (likert.length === 0) return null;
  return (
    <DataTable caption="Agreement items" visibleCaption columns={['Question', 'Answers', 'Mean', '1', '2', '3', '4', '5']}>
      {likert.map((item) => (
        <tr key={item.key}>
          <th scope="row">{item.prompt}</th>
          {item.status === 'ok' && item.type === 'likert' ? (
            <>
              <td>{item.n}</td>
              <td>{scoreText(item.mean)}</td>
              {(['1', '2', '3', '4', '5'] as const).map((point) => (
                <td key={point}>{item.distribution[point]}</td>
              ))}
            </>
          ) : (
            <td colSpan={7}>Not enough answers</td>
          )}
        </tr>
      ))}
    </DataTable>
  );
}

function ChoiceItems({ items }: { items: ItemAggregate[] }) {
  const choices = items.filter((i) => i.type === 'single' || i.type === 'multiple');
  return (
    <>
      {choices.map((item) => (
        <div key={item.key} class="choice-counts">
          <h4>{item.prompt}</h4>
          {item.status === 'ok' && 'counts' in item ? (
            <ul class="plain-list">
              {item.counts.map((c) => (
                <li key={c.option}>
                  {c.option}: {c.count}
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">Not enough answers</p>
          )}
        </div>
      ))}
    </>
  );
}

export function GroupCard({ group, minimum }: { group: GroupAggregate; minimum: number }) {
  const heading = `${periodText(group.period)} · version ${group.version}`;
  return (
    <section class="card results-group" aria-label={heading}>
      <h3>{heading}</h3>
      {group.status !== 'ok' ? (
        <NotEnough minimum={minimum} />
      ) : (
        <>
          <p>
            {group.n} respondents · mean score <strong>{scoreText(group.meanOverall)}</strong> of 5
          </p>
          <DataTable caption="Section means" visibleCaption columns={['Section', 'Mean']}>
            {group.sections.map((s) => (
              <tr key={s.key}>
                <td>{s.title}</td>
                <td>{scoreText(s.mean)}</td>
              </tr>
            ))}
          </DataTable>
          <LikertRows items={group.items} />
          <ChoiceItems items={group.items} />
        </>
      )}
    </section>
  );
}

/** The consortium's school means: the viewer's own school and opted-in schools named, the others not. */
export function DistributionView({ distribution }: { distribution: SchoolDistribution }) {
  if (distribution.periods.length === 0) {
    return <p class="muted">No school has {distribution.minimumResponses} or more responses in a period yet.</p>;
  }
  return (
    <>
      {distribution.periods.map((p) => (
        <DataTable
          key={p.period}
          caption={`School means, ${periodText(p.period)}`}
          visibleCaption
          columns={['School', 'Mean score']}
        >
          {p.schools.map((s, i) => (
            <tr key={s.id ?? `other-${i}`} class={s.own ? 'own-school' : undefined}>
              <td>{s.own ? `${s.name} (your school)` : s.name}</td>
              <td>{scoreText(s.mean)}</td>
            </tr>
          ))}
        </DataTable>
      ))}
    </>
  );
}
