import { useState } from 'preact/hooks';
import { CopyButton } from '../../../components/copy-button';
import { FormStatus } from '../../../components/form-status';
import { api } from '../../../lib/api';
import { useAction } from '../../../lib/use-submit';
import type { FeedUrls } from './types';

/**
 * "Subscribe": the person's secret calendar feed, for Google Calendar, Outlook or Apple Calendar. The link is shown
 * only when asked for (it is a secret), and can be replaced when it leaked.
 */
export function CalendarSubscribe() {
  const [open, setOpen] = useState(false);
  const [feed, setFeed] = useState<FeedUrls | null>(null);
  const action = useAction();

  async function toggle() {
    const next = !open;
    setOpen(next);
    if (next && !feed) await action.run(async () => setFeed(await api.get<FeedUrls>('/program/calendar/feed')));
  }

  async function rotate() {
    if (!window.confirm('Replace your calendar link? Calendars subscribed with the old link stop updating.')) return;
    await action.run(async () => {
      setFeed(await api.post<FeedUrls>('/program/calendar/feed/rotate'));
      return 'A new link is ready; the old one no longer works.';
    });
  }

  return (
    <div>
      <button
        type="button"
        class="button button-secondary"
        aria-expanded={open ? 'true' : 'false'}
        aria-controls="calendar-feed"
        onClick={() => void toggle()}
      >
        Subscribe
      </button>
      <div id="calendar-feed" hidden={!open} class="card card-quiet section">
        <h2>Subscribe in your calendar app</h2>
        <p>
          Add this link to your calendar app as a calendar “from URL” or “subscribed” calendar. It shows your sessions from a
          month back to a year ahead. Keep it to yourself: anyone with the link sees your sessions.
        </p>
        {feed && (
          <div class="field">
            <label for="calendar-feed-url">Your calendar link</label>
            <input
              id="calendar-feed-url"
              type="text"
              readOnly
              value={feed.url}
              onFocus={(e) => (e.currentTarget as HTMLInputElement).select()}
            />
            <div class="actions">
              <CopyButton text={feed.url} label="Copy link" ariaLabel="Copy link to your calendar feed" />
              <a class="button button-small button-secondary" href={feed.webcalUrl}>
                Open in calendar app
              </a>
              <button type="button" class="button button-small button-secondary" onClick={() => void rotate()}>
                Get a new link
              </button>
            </div>
          </div>
        )}
        <FormStatus error={action.error} success={action.message} />
      </div>
    </div>
  );
}
