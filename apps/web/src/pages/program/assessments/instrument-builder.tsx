import { useState } from 'preact/hooks';
import { Checkbox, SelectField, TextArea, TextField } from '../../../components/field';
import { FormStatus } from '../../../components/form-status';
import { api, ApiError } from '../../../lib/api';
import { useAction } from '../../../lib/use-submit';
import { ITEM_TYPES } from './labels';
import type { InstrumentSection, InstrumentVersion, ItemType } from './types';

const enc = encodeURIComponent;

/** An item as the form holds it: options as one line each, so a choice list is typed like a list. */
interface DraftItem {
  key: string;
  type: ItemType;
  prompt: string;
  optionsText: string;
  required: boolean;
}

interface DraftSection {
  key: string;
  title: string;
  items: DraftItem[];
}

const hasOptions = (type: ItemType) => type === 'single' || type === 'multiple';

const toDraft = (sections: InstrumentSection[]): DraftSection[] =>
  sections.map((s) => ({
    ...s,
    items: s.items.map((i) => ({
      key: i.key,
      type: i.type,
      prompt: i.prompt,
      optionsText: (i.options ?? []).join('\n'),
      required: i.required,
    })),
  }));

const fromDraft = (sections: DraftSection[]): InstrumentSection[] =>
  sections.map((s) => ({
    key: s.key.trim(),
    title: s.title,
    items: s.items.map((i) => ({
      key: i.key.trim(),
      type: i.type,
      prompt: i.prompt,
      ...(hasOptions(i.type)
        ? {
            options: i.optionsText
              .split('\n')
              .map((o) => o.trim())
              .filter(Boolean),
          }
        : {}),
      required: i.required,
    })),
  }));

const newItem = (n: number): DraftItem => ({ key: `q${n}`, type: 'likert', prompt: '', optionsText: '', required: true });

/**
 * The structured editor of a draft version: sections of items, saved as a whole, then published. Problems found on
 * publishing come back with the path of the field at fault and are listed above the buttons.
 */
export function InstrumentBuilder({
  instrumentId,
  version,
  onChanged,
}: {
  instrumentId: string;
  version: InstrumentVersion;
  onChanged: () => void;
}) {
  const [sections, setSections] = useState<DraftSection[]>(() => toDraft(version.sections ?? []));
  const action = useAction();
  const url = `/program/instruments/${enc(instrumentId)}/versions/${version.version}`;
  const itemCount = sections.reduce((n, s) => n + s.items.length, 0);

  const setSection = (index: number, patch: Partial<DraftSection>) =>
    setSections((all) => all.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  const setItem = (si: number, ii: number, patch: Partial<DraftItem>) =>
    setSections((all) =>
      all.map((s, i) => (i === si ? { ...s, items: s.items.map((it, j) => (j === ii ? { ...it, ...patch } : it)) } : s)),
    );

  const save = () =>
    action.run(async () => {
      await api.put(url, { sections: fromDraft(sections) });
      onChanged();
      return `Version ${version.version} is saved as a draft.`;
    });
  const publish = () =>
    action.run(async () => {
      await api.put(url, { sections: fromDraft(sections) });
      await api.post(`${url}/publish`);
      onChanged();
      return `Version ${version.version} is published.`;
    });

  return (
    <div class="instrument-builder">
      {sections.map((section, si) => (
        <fieldset key={si} class="card builder-section">
          <legend>Section {si + 1}</legend>
          <TextField label="Section key" value={section.key} onInput={(e) => setSection(si, { key: e.currentTarget.value })} />
          <TextField
            label="Section title"
            value={section.title}
            onInput={(e) => setSection(si, { title: e.currentTarget.value })}
          />
          {section.items.map((item, ii) => (
            <fieldset key={ii} class="builder-item">
              <legend>
                Item {ii + 1} of section {si + 1}
              </legend>
              <TextField label="Item key" value={item.key} onInput={(e) => setItem(si, ii, { key: e.currentTarget.value })} />
              <SelectField
                label="Type"
                options={ITEM_TYPES}
                value={item.type}
                onChange={(e) => setItem(si, ii, { type: (e.currentTarget as HTMLSelectElement).value as ItemType })}
              />
              <TextArea
                label="Prompt"
                rows={2}
                value={item.prompt}
                onInput={(e) => setItem(si, ii, { prompt: e.currentTarget.value })}
              />
              {hasOptions(item.type) && (
                <TextArea
                  label="Options"
                  hint="One per line, 2 to 20."
                  rows={4}
                  value={item.optionsText}
                  onInput={(e) => setItem(si, ii, { optionsText: e.currentTarget.value })}
                />
              )}
              <Checkbox
                label="Required"
                checked={item.required}
                onChange={(e) => setItem(si, ii, { required: e.currentTarget.checked })}
              />
              <button
                type="button"
                class="button button-small button-secondary"
                onClick={() => setSection(si, { items: section.items.filter((_, j) => j !== ii) })}
              >
                Remove item {ii + 1} of section {si + 1}
              </button>
            </fieldset>
          ))}
          <div class="actions">
            <button
              type="button"
              class="button button-small"
              onClick={() => setSection(si, { items: [...section.items, newItem(itemCount + 1)] })}
            >
              Add an item to section {si + 1}
            </button>
            <button
              type="button"
              class="button button-small button-danger"
              onClick={() => setSections((all) => all.filter((_, i) => i !== si))}
            >
              Remove section {si + 1}
            </button>
          </div>
        </fieldset>
      ))}
      <div class="actions">
        <button
          type="button"
          class="button button-secondary"
          onClick={() =>
            setSections((all) => [...all, { key: `section${all.length + 1}`, title: '', items: [newItem(itemCount + 1)] }])
          }
        >
          Add a section
        </button>
      </div>
      <FormStatus error={action.error} success={action.message} />
      {action.error instanceof ApiError && action.error.code === 'ASSESSMENT_VERSION_INVALID' && (
        <ul class="field-error publish-problems">
          {action.error.details.map((d, i) => (
            <li key={i}>{d.message}</li>
          ))}
        </ul>
      )}
      <div class="actions">
        <button type="button" class="button button-secondary" onClick={() => void save()}>
          Save draft
        </button>
        <button type="button" class="button" onClick={() => void publish()}>
          Publish version {version.version}
        </button>
      </div>
    </div>
  );
}
