import { Page } from '../components/page';

export function NotFoundPage() {
  return (
    <Page title="Page not found">
      <p>There is nothing at this address, or it is not available to you.</p>
      <p>
        <a href="/">Go to the home page</a>
      </p>
    </Page>
  );
}
