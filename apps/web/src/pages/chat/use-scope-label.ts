import { api, itemsOf } from '../../lib/api';
import { loadCohorts, loadSchools } from '../../lib/directory';
import type { Group, Me, Page } from '../../lib/types';
import { useLoad } from '../../lib/use-load';
import { scopeLabel } from '../forum/forum-ui';

const KIND_WORDS: Record<string, string> = { inst: 'School', cohort: 'Cohort', group: 'Group' };

/** Names for every school, cohort and group the person can see, keyed by id. */
async function loadNames(): Promise<Map<string, string>> {
  const [schools, cohorts, groups] = await Promise.all([
    loadSchools().catch(() => []),
    loadCohorts().catch(() => []),
    api.get<Page<Group> | Group[]>('/groups').then(itemsOf, () => [] as Group[]),
  ]);
  return new Map([...schools, ...cohorts, ...groups].map((unit) => [unit.id, unit.name]));
}

/**
 * Scopes in words. The person's own school, cohorts and groups are named from their profile; a room elsewhere
 * (facilitators and admins see every school's) is named once the directory answers, and only then is it asked.
 */
export function useScopeLabel(me: Me, scopes: string[]): (scope: string) => string {
  const generic = (scope: string) => scope !== 'consortium' && !scopeLabel(scope, me).includes(':');
  const needed = scopes.some(generic);
  const names = useLoad(() => (needed ? loadNames() : Promise.resolve(new Map<string, string>())), [me.id, needed]);
  return (scope) => {
    if (!generic(scope)) return scopeLabel(scope, me);
    const [kind, id] = scope.split(':');
    const name = names.data?.get(id);
    return name ? `${KIND_WORDS[kind] ?? kind}: ${name}` : scopeLabel(scope, me);
  };
}
