import { Page } from '../components/page';
import type { Me } from '../lib/types';
import { ContentNotesForm } from './profile/content-notes-form';
import { PasswordForm } from './profile/password-form';
import { ProfileForm } from './profile/profile-form';
import { TokensSection } from './profile/tokens-section';

export function ProfilePage({ me }: { me: Me }) {
  return (
    <Page title="Your profile" intro={<p>What you share here is visible to other members of the consortium.</p>}>
      <ProfileForm me={me} />
      <ContentNotesForm />
      <section class="card" aria-labelledby="notification-settings-title">
        <h2 id="notification-settings-title">Notifications and email</h2>
        <p class="hint">Choose what you hear about, which emails you get, your digest and quiet mode.</p>
        <p>
          <a href="/settings/notifications">Notification settings</a>
        </p>
      </section>
      <PasswordForm />
      <TokensSection />
    </Page>
  );
}
