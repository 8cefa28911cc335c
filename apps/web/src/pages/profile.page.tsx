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
      <PasswordForm />
      <TokensSection />
    </Page>
  );
}
