import type { InstrumentRecord, VersionRecord } from '../repositories';

const iso = (date: Date | null) => (date ? new Date(date).toISOString() : null);

export function presentVersion(version: VersionRecord) {
  return {
    id: version.id,
    version: version.version,
    status: version.status,
    sections: version.sections,
    publishedAt: iso(version.publishedAt),
    retiredAt: iso(version.retiredAt),
    createdAt: iso(version.createdAt),
    updatedAt: iso(version.updatedAt),
  };
}

export function presentVersionSummary(version: VersionRecord) {
  return {
    id: version.id,
    version: version.version,
    status: version.status,
    publishedAt: iso(version.publishedAt),
    retiredAt: iso(version.retiredAt),
  };
}

export function presentInstrumentHead(instrument: Pick<InstrumentRecord, 'id' | 'kind' | 'title'>) {
  return { id: instrument.id, kind: instrument.kind, title: instrument.title };
}

/**
 * An instrument as its reader may see it: members get the published version only; those who manage instruments get
 * every version (in `versions`, newest first) as well.
 */
export function presentInstrument(
  instrument: InstrumentRecord,
  versions: VersionRecord[],
  manager: boolean,
  withSections: boolean,
) {
  const published = versions.find((v) => v.status === 'published') ?? null;
  const shown = (v: VersionRecord) => (withSections ? presentVersion(v) : presentVersionSummary(v));
  return {
    id: instrument.id,
    kind: instrument.kind,
    title: instrument.title,
    description: instrument.description,
    published: published ? shown(published) : null,
    ...(manager ? { versions: versions.map(shown) } : {}),
    createdAt: iso(instrument.createdAt),
    updatedAt: iso(instrument.updatedAt),
  };
}
