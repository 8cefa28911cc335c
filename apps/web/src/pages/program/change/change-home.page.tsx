import { FormStatus } from '../../../components/form-status';
import { SelectField } from '../../../components/field';
import { Loading } from '../../../components/loading';
import { Page } from '../../../components/page';
import { Redirect } from '../../../components/redirect';
import { loadSchools } from '../../../lib/directory';
import { navigate } from '../../../lib/router';
import type { Me } from '../../../lib/types';
import { useLoad } from '../../../lib/use-load';
import { schoolHref } from './change-labels';
import { ConsortiumTable } from './consortium-table';
import { useConsortium } from './consortium.page';

const isProgramTeam = (me: Me) => me.platformRole === 'admin' || me.platformRole === 'facilitator';

/** /change: a school's people go to their dashboard; the program team sees the consortium and picks a school. */
export function ChangeHomePage({ me }: { me: Me }) {
  if (!isProgramTeam(me)) {
    if (me.institution) return <Redirect to={schoolHref(me.institution.id)} />;
    return (
      <Page title="Change">
        <p>Change targets belong to a school. You are not a member of a school yet.</p>
      </Page>
    );
  }
  return <ProgramTeamHome />;
}

function ProgramTeamHome() {
  const progress = useConsortium();
  const schools = useLoad(loadSchools, []);
  const open = (event: Event) => {
    event.preventDefault();
    const id = String(new FormData(event.currentTarget as HTMLFormElement).get('school') ?? '');
    if (id) navigate(schoolHref(id));
  };
  return (
    <Page title="Change" intro={<p>Every school’s change targets, indicators and wins.</p>}>
      <form class="inline-form" onSubmit={open} aria-label="Open a school’s dashboard">
        <SelectField label="School" name="school" options={(schools.data ?? []).map((s) => ({ value: s.id, label: s.name }))} empty="Choose a school" />
        <button type="submit" class="button">
          Open dashboard
        </button>
      </form>
      <section class="section" aria-labelledby="consortium-title">
        <h2 id="consortium-title">Consortium progress</h2>
        {progress.loading && !progress.data && <Loading what="Loading the consortium’s progress" />}
        <FormStatus error={progress.error ?? schools.error} />
        {progress.data && <ConsortiumTable schools={progress.data.schools} />}
      </section>
    </Page>
  );
}
