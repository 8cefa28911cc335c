import { useState } from 'preact/hooks';
import { SelectField, TextArea, TextField } from '../../../components/field';
import { FormStatus } from '../../../components/form-status';
import { Loading } from '../../../components/loading';
import { Page } from '../../../components/page';
import { SubmitButton } from '../../../components/submit-button';
import { api } from '../../../lib/api';
import { useLoad } from '../../../lib/use-load';
import { useAction, useSubmit } from '../../../lib/use-submit';
import { InstrumentBuilder } from './instrument-builder';
import { dateText, INSTRUMENT_KINDS, kindLabel } from './labels';
import type { Instrument, InstrumentKind, InstrumentVersion } from './types';

const enc = encodeURIComponent;

/** The consortium admins' instrument builder: instruments, their versions, and publishing. */
export function InstrumentsAdminPage() {
  const list = useLoad(() => api.get<{ items: Instrument[] }>('/program/instruments'), []);
  const [openId, setOpenId] = useState<string | null>(null);
  return (
    <Page
      title="Readiness instruments"
      intro={<p>Build the readiness assessments. A published version is frozen; change it through a new version.</p>}
    >
      <section class="section" aria-labelledby="instrument-list">
        <h2 id="instrument-list">Instruments</h2>
        {list.loading && !list.data ? (
          <Loading what="Loading instruments" />
        ) : (
          <ul class="plain-list">
            {(list.data?.items ?? []).map((i) => (
              <li key={i.id} class="row-list-item">
                <strong>{i.title}</strong> · {kindLabel(i.kind)} ·{' '}
                {i.published ? `version ${i.published.version} published` : 'not published'}{' '}
                <button type="button" class="button button-small button-secondary" onClick={() => setOpenId(i.id)}>
                  Open {i.title}
                </button>
              </li>
            ))}
          </ul>
        )}
        <FormStatus error={list.error} />
      </section>
      {openId && <InstrumentEditor key={openId} id={openId} onChanged={list.reload} />}
      <NewInstrument
        onCreated={(id) => {
          list.reload();
          setOpenId(id);
        }}
      />
    </Page>
  );
}

function NewInstrument({ onCreated }: { onCreated: (id: string) => void }) {
  const form = useSubmit();
  const create = (data: FormData) =>
    void form.submit(async () => {
      const created = await api.post<Instrument>('/program/instruments', {
        kind: data.get('kind') as InstrumentKind,
        title: String(data.get('title') ?? ''),
        description: String(data.get('description') ?? ''),
      });
      onCreated(created.id);
      return `${created.title} is created with an empty draft.`;
    });
  return (
    <section class="section card" aria-labelledby="new-instrument">
      <h2 id="new-instrument">New instrument</h2>
      <form ref={form.formRef} noValidate onSubmit={form.onSubmit(create)}>
        <SelectField label="Kind" name="kind" options={INSTRUMENT_KINDS} error={form.fields.kind} />
        <TextField label="Title" name="title" maxLength={200} error={form.fields.title} />
        <TextArea label="Description" name="description" optional maxLength={5000} error={form.fields.description} />
        <FormStatus error={form.error} success={form.message} />
        <SubmitButton busy={form.busy}>Create instrument</SubmitButton>
      </form>
    </section>
  );
}

function InstrumentEditor({ id, onChanged }: { id: string; onChanged: () => void }) {
  const instrument = useLoad(() => api.get<Instrument>(`/program/instruments/${enc(id)}`), [id]);
  const action = useAction();
  if (!instrument.data)
    return instrument.loading ? <Loading what="Loading the instrument" /> : <FormStatus error={instrument.error} />;
  const i = instrument.data;
  const versions = i.versions ?? [];
  const draft = versions.find((v) => v.status === 'draft');
  const refresh = () => {
    instrument.reload();
    onChanged();
  };
  const newVersion = () =>
    action.run(async () => {
      const created = await api.post<InstrumentVersion>(`/program/instruments/${enc(id)}/versions`);
      refresh();
      return `Version ${created.version} is a new draft, copied from the latest.`;
    });
  const retire = (version: number) =>
    action.run(async () => {
      await api.post(`/program/instruments/${enc(id)}/versions/${version}/retire`);
      refresh();
      return `Version ${version} is retired.`;
    });
  return (
    <section class="section" aria-labelledby="instrument-editor">
      <h2 id="instrument-editor">{i.title}</h2>
      <ul class="plain-list">
        {versions.map((v) => (
          <li key={v.id}>
            Version {v.version}: <span class="badge">{v.status}</span>
            {v.publishedAt && ` · published ${dateText(v.publishedAt)}`}
            {v.status === 'published' && (
              <button type="button" class="button button-small button-danger" onClick={() => void retire(v.version)}>
                Retire version {v.version}
              </button>
            )}
          </li>
        ))}
      </ul>
      {!draft && (
        <button type="button" class="button button-secondary" onClick={() => void newVersion()}>
          Start a new version
        </button>
      )}
      <FormStatus error={action.error} success={action.message} />
      {draft && (
        <>
          <h3>Draft version {draft.version}</h3>
          <InstrumentBuilder key={draft.id} instrumentId={id} version={draft} onChanged={refresh} />
        </>
      )}
    </section>
  );
}
