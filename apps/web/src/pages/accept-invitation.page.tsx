import { Fact } from '../components/fact';
import { SelectField, TextArea, TextField } from '../components/field';
import { FormStatus } from '../components/form-status';
import { Loading } from '../components/loading';
import { MIN_PASSWORD, NewPasswordFields } from '../components/new-password-fields';
import { Page } from '../components/page';
import { SubmitButton } from '../components/submit-button';
import { api, ApiError } from '../lib/api';
import { formatDate, parseList, SCHOOL_ROLES } from '../lib/labels';
import { navigate } from '../lib/router';
import { setMe, useSession } from '../lib/session';
import type { InvitationPreview, Me } from '../lib/types';
import { useLoad } from '../lib/use-load';
import { useSubmit } from '../lib/use-submit';

/** Explains a link that cannot be used, in terms of what the person can do next. */
function UnusableInvitation({ error }: { error: unknown }) {
  const code = error instanceof ApiError ? error.code : '';
  if (code === 'INVITATION_EXPIRED') {
    return (
      <Page title="This invitation has expired">
        <p>Invitations stay open for a limited time. Please ask the person who invited you, or your school's lead, for a new link.</p>
      </Page>
    );
  }
  if (code === 'INVITATION_USED') {
    return (
      <Page title="This invitation has already been used">
        <p>An account has already been set up with this link.</p>
        <p>
          <a href="/signin">Sign in to ART Commons</a>
        </p>
      </Page>
    );
  }
  if (code === 'INVITATION_NOT_FOUND' || code === 'NOT_FOUND' || code === 'INVALID_ID') {
    return (
      <Page title="We could not find this invitation">
        <p>The link may have been copied incompletely, or the invitation may have been withdrawn. Please check the link or ask for a new one.</p>
      </Page>
    );
  }
  return (
    <Page title="Accept your invitation">
      <FormStatus error={error} />
    </Page>
  );
}

export function AcceptInvitationPage({ token }: { token: string }) {
  const { me } = useSession();
  const invitation = useLoad(() => api.get<InvitationPreview>(`/invitations/${encodeURIComponent(token)}`), [token]);
  const form = useSubmit();

  if (invitation.loading) {
    return (
      <Page title="Accept your invitation">
        <Loading what="Checking your invitation" />
      </Page>
    );
  }
  if (invitation.error || !invitation.data) return <UnusableInvitation error={invitation.error} />;
  const preview = invitation.data;
  const { fields } = form;

  async function send(data: FormData) {
    const password = String(data.get('password') ?? '');
    const confirm = String(data.get('confirm') ?? '');
    const problems: Record<string, string> = {};
    const displayName = String(data.get('displayName') ?? '').trim();
    if (!displayName) problems.displayName = 'Please enter the name you would like others to see.';
    if (password.length < MIN_PASSWORD) problems.password = `Use at least ${MIN_PASSWORD} characters.`;
    else if (password !== confirm) problems.confirm = 'The two passwords do not match.';
    if (form.invalid(problems, 'Please correct the highlighted fields.')) return;
    const body: Record<string, unknown> = { displayName, password };
    const pronouns = String(data.get('pronouns') ?? '').trim();
    const schoolRole = String(data.get('schoolRole') ?? '');
    const bio = String(data.get('bio') ?? '').trim();
    const expertise = parseList(String(data.get('expertise') ?? ''));
    // Empty optional fields are left out: the server validates whatever is sent.
    if (pronouns) body.pronouns = pronouns;
    if (schoolRole) body.schoolRole = schoolRole;
    if (bio) body.bio = bio;
    if (expertise.length) body.expertise = expertise;
    await form.submit(async () => {
      const me = await api.post<Me>(`/invitations/${encodeURIComponent(token)}/accept`, body);
      setMe(me);
      navigate('/', { replace: true });
    });
  }

  return (
    <Page title="Accept your invitation">
      <section class="card invitation-summary" aria-labelledby="invitation-summary-title">
        <h2 id="invitation-summary-title">Your invitation</h2>
        <dl class="facts">
          <Fact term="Email">{preview.email}</Fact>
          <Fact term="School">{preview.institution?.name ?? 'Consortium-wide'}</Fact>
          {preview.cohort && <Fact term="Cohort">{preview.cohort.name}</Fact>}
          <Fact term="Open until">{formatDate(preview.expiresAt)}</Fact>
        </dl>
      </section>

      {me && (
        <p class="notice notice-info">
          You are signed in as {me.displayName}. Accepting this invitation signs you in as the invited person instead.
        </p>
      )}
      <form class="card form" onSubmit={form.onSubmit(send)} ref={form.formRef} noValidate>
        <h2>Set up your account</h2>
        <p class="hint">Fields marked optional can be filled in later from your profile.</p>
        <FormStatus error={form.error} />
        <TextField
          label="Display name"
          name="displayName"
          autoComplete="name"
          required
          maxLength={100}
          defaultValue={preview.displayName ?? ''}
          error={fields.displayName}
        />
        <TextField label="Pronouns" name="pronouns" optional maxLength={40} hint="For example: she/her, he/him, they/them." error={fields.pronouns} />
        <SelectField
          label="School role"
          name="schoolRole"
          optional
          empty="Prefer not to say"
          options={SCHOOL_ROLES}
          defaultValue={preview.schoolRole ?? ''}
          error={fields.schoolRole}
        />
        <TextArea label="Short bio" name="bio" optional maxLength={1000} hint="A few sentences about you and your work." error={fields.bio} />
        <TextField
          label="Areas of expertise"
          name="expertise"
          optional
          hint="Separate areas with commas, for example: curriculum design, community health."
          error={fields.expertise}
        />
        <NewPasswordFields
          label="Password"
          name="password"
          confirmLabel="Confirm password"
          confirmName="confirm"
          advice="A short phrase is easy to remember and hard to guess."
          errors={fields}
        />
        <div class="actions">
          <SubmitButton busy={form.busy} busyLabel="Creating your account…">Join ART Commons</SubmitButton>
        </div>
      </form>
    </Page>
  );
}
