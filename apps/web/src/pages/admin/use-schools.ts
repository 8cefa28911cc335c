import { loadSchools } from '../../lib/directory';
import type { Institution, Me } from '../../lib/types';
import { useLoad } from '../../lib/use-load';

/** Schools this person may administer: all of them for consortium admins, otherwise their own. */
export function useManageableSchools(me: Me) {
  return useLoad<Institution[]>(async () => {
    const all = await loadSchools();
    if (me.can.manageInstitutions) return all;
    const own = new Set([...me.schoolLeadOf, ...(me.institution ? [me.institution.id] : [])]);
    return all.filter((s) => own.has(s.id));
  }, [me.id]);
}

export const schoolOptions = (schools: Institution[]) => schools.map((s) => ({ value: s.id, label: s.name }));
