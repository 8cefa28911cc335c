/** The six phases of the change program every cohort moves through; topics and spaces may belong to one. */
export const PHASES = [
  { value: 1, name: 'Onboarding & readiness assessment' },
  { value: 2, name: 'Preparing for change' },
  { value: 3, name: 'Creating a climate for change' },
  { value: 4, name: 'Engaging the institution' },
  { value: 5, name: 'Implementing & sustaining change' },
  { value: 6, name: 'Building the community of practice' },
] as const;

/** "Phase 3: Creating a climate for change"; empty when there is no phase. */
export function phaseLabel(phase: number | null | undefined): string {
  const found = PHASES.find((p) => p.value === phase);
  return found ? `Phase ${found.value}: ${found.name}` : phase ? `Phase ${phase}` : '';
}

/** Options for a phase select, values as strings the way form controls hold them. */
export const PHASE_OPTIONS = PHASES.map((p) => ({ value: String(p.value), label: phaseLabel(p.value) }));
