import { useState } from 'preact/hooks';
import { SelectField } from '../../components/field';
import { Page } from '../../components/page';
import { replaceSearch } from '../../lib/router';
import type { Me } from '../../lib/types';
import { PagedItems, usePagedList } from '../forum/paged-list';
import { PHASE_OPTIONS } from '../forum/phases';
import { ArticleSummary } from './article-summary';
import { CollectionList } from './collection-list';
import { ARTICLE_TYPES } from './knowledge-labels';
import type { Article } from './knowledge-types';
import { articleListQuery, EMPTY_TEXT, KNOWLEDGE_VIEWS, knowledgeSearch, parseKnowledgeQuery, type KnowledgeQuery } from './knowledge-views';

const PAGE_SIZE = 20;

const inPlace = (apply: () => void) => (event: MouseEvent) => {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  apply();
};

export function KnowledgePage({ me, search }: { me: Me; search: string }) {
  const [query, setQuery] = useState<KnowledgeQuery>(() => parseKnowledgeQuery(search));
  const change = (next: Partial<KnowledgeQuery>) => {
    const merged = { ...query, ...next };
    setQuery(merged);
    replaceSearch(knowledgeSearch(merged));
  };
  const viewLabel = KNOWLEDGE_VIEWS.find((v) => v.value === query.view)?.label ?? '';

  return (
    <Page
      title="Knowledge base"
      intro={<p>Guides, toolkits, templates and stories from schools working against racism in medical education.</p>}
    >
      <div class="actions">
        <a class="button" href="/knowledge/new">
          New article
        </a>
        <a class="button button-secondary" href="/knowledge/dashboard">
          Cycle dashboard
        </a>
      </div>
      <nav aria-label="Knowledge lists">
        <ul class="view-tabs">
          {KNOWLEDGE_VIEWS.map((view) => (
            <li key={view.value}>
              <a
                href={`/knowledge${knowledgeSearch({ ...query, view: view.value })}`}
                aria-current={view.value === query.view ? 'page' : undefined}
                onClick={inPlace(() => change({ view: view.value }))}
              >
                {view.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <form class="inline-form topic-filters" role="search" aria-label="Filter the knowledge base" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          label="Phase"
          name="phase"
          empty="Any phase"
          options={PHASE_OPTIONS}
          value={query.phase ? String(query.phase) : ''}
          onChange={(event) => {
            const value = (event.currentTarget as HTMLSelectElement).value;
            change({ phase: value ? Number(value) : null });
          }}
        />
        {query.view !== 'collections' && (
          <SelectField
            label="Type"
            name="type"
            empty="Any type"
            options={ARTICLE_TYPES}
            value={query.type}
            onChange={(event) => change({ type: (event.currentTarget as HTMLSelectElement).value })}
          />
        )}
      </form>
      <section class="section" aria-labelledby="knowledge-list-title">
        <h2 id="knowledge-list-title">{viewLabel}</h2>
        {query.view === 'collections' ? (
          <CollectionList me={me} phase={query.phase} />
        ) : (
          <ArticleList query={query} label={viewLabel} />
        )}
      </section>
    </Page>
  );
}

function ArticleList({ query, label }: { query: KnowledgeQuery; label: string }) {
  const list = usePagedList<Article>('/knowledge/articles', articleListQuery(query), PAGE_SIZE);
  const filtered = !!(query.phase || query.type);
  return (
    <PagedItems
      list={list}
      label={`${label} articles`}
      empty={<p>{filtered ? 'No articles match these filters.' : EMPTY_TEXT[query.view]}</p>}
      keyOf={(a) => a.id}
      render={(a) => <ArticleSummary article={a} />}
    />
  );
}
