import { useState } from 'preact/hooks';
import { SelectField } from '../../components/field';
import { FormStatus } from '../../components/form-status';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import { SubmitButton } from '../../components/submit-button';
import { api } from '../../lib/api';
import type { DeliveryChannel, DigestFrequency, NotificationPreferences, PreferencesUpdate } from '../../lib/notification-types';
import { useLoad } from '../../lib/use-load';
import { useSubmit } from '../../lib/use-submit';
import { KindChannels } from './kind-channels';
import { browserTimeZone, FREQUENCIES, fromLocalInput, HOURS, timeZoneOptions, toLocalInput } from './notification-options';
import { QuietMode, type QuietState } from './quiet-mode';

const PATH = '/notifications/preferences';

export function NotificationSettingsPage() {
  const saved = useLoad(() => api.get<NotificationPreferences>(PATH), []);
  return (
    <Page
      title="Notification settings"
      intro={
        <p>
          Choose what reaches you and how. Everything you choose to hear about is listed under{' '}
          <a href="/notifications">Notifications</a>; emails are for what you do not want to miss.
        </p>
      }
    >
      {saved.loading && <Loading what="Loading your settings" />}
      <FormStatus error={saved.error} />
      {saved.data && <SettingsForm initial={saved.data} />}
    </Page>
  );
}

interface FormState {
  kinds: NotificationPreferences['kinds'];
  frequency: DigestFrequency;
  hour: number;
  timeZone: string;
  quiet: QuietState;
}

function stateOf(p: NotificationPreferences): FormState {
  // A quiet period that has ended is the same as none.
  const quietOn = !!p.quietUntil && new Date(p.quietUntil).getTime() > Date.now();
  return {
    kinds: p.kinds,
    frequency: p.digest.frequency,
    hour: p.digest.hour,
    timeZone: p.timeZone || browserTimeZone(),
    quiet: { on: quietOn, until: quietOn ? toLocalInput(p.quietUntil) : '' },
  };
}

function SettingsForm({ initial }: { initial: NotificationPreferences }) {
  const form = useSubmit();
  const [state, setState] = useState<FormState>(() => stateOf(initial));
  const change = (next: Partial<FormState>) => setState((s) => ({ ...s, ...next }));
  const device = browserTimeZone();
  const [zones] = useState(() => timeZoneOptions(state.timeZone, device));

  const send = form.onSubmit(() => {
    const quietUntil = state.quiet.on ? fromLocalInput(state.quiet.until) : null;
    const problems: Record<string, string> = {};
    if (state.quiet.on && !quietUntil) problems.quietUntil = 'Choose the date and time quiet mode ends, or turn it off.';
    else if (quietUntil && new Date(quietUntil).getTime() <= Date.now()) problems.quietUntil = 'Choose a moment in the future.';
    if (form.invalid(problems, 'Please check quiet mode.')) return;
    const body: PreferencesUpdate = {
      kinds: Object.fromEntries(state.kinds.map((k) => [k.kind, k.channel])),
      digest: { frequency: state.frequency, hour: state.hour },
      timeZone: state.timeZone,
      quietUntil,
    };
    return form.submit(async () => {
      const result = await api.put<NotificationPreferences>(PATH, body);
      setState(stateOf(result));
      return 'Your notification settings are saved.';
    });
  });

  const setChannel = (kind: string, channel: DeliveryChannel) =>
    change({ kinds: state.kinds.map((k) => (k.kind === kind ? { ...k, channel } : k)) });

  return (
    <form class="form notification-settings" ref={form.formRef} onSubmit={send} noValidate>
      <section class="section" aria-labelledby="kinds-title">
        <h2 id="kinds-title">What you hear about</h2>
        <p class="hint">“At once” emails wait a few minutes and are skipped if you have already seen the item here.</p>
        <KindChannels kinds={state.kinds} errors={form.fields} onChange={setChannel} />
      </section>

      <section class="section" aria-labelledby="digest-title">
        <h2 id="digest-title">Email digest</h2>
        <p class="hint">
          A summary of new topics, mentions, articles and rooms in your spaces, sent only when there is something new.
        </p>
        <SelectField
          label="Send a digest"
          name="frequency"
          value={state.frequency}
          options={FREQUENCIES}
          error={form.fields['digest.frequency']}
          onChange={(event) => change({ frequency: (event.currentTarget as HTMLSelectElement).value as DigestFrequency })}
        />
        {state.frequency !== 'never' && (
          <SelectField
            label="Send it at"
            name="hour"
            value={String(state.hour)}
            options={HOURS}
            hint="In the time zone below."
            error={form.fields['digest.hour']}
            onChange={(event) => change({ hour: Number((event.currentTarget as HTMLSelectElement).value) })}
          />
        )}
        <SelectField
          label="Time zone"
          name="timeZone"
          value={state.timeZone}
          options={zones}
          error={form.fields.timeZone}
          onChange={(event) => change({ timeZone: (event.currentTarget as HTMLSelectElement).value })}
        />
        {state.timeZone !== device && (
          <p>
            <button type="button" class="button button-small button-secondary" onClick={() => change({ timeZone: device })}>
              Use this device’s time zone ({device.replace(/_/g, ' ')})
            </button>
          </p>
        )}
      </section>

      <QuietMode value={state.quiet} error={form.fields.quietUntil} onChange={(quiet) => change({ quiet })} />

      <FormStatus error={form.error} success={form.message} />
      <div class="actions">
        <SubmitButton busy={form.busy} busyLabel="Saving…">
          Save settings
        </SubmitButton>
      </div>
    </form>
  );
}
