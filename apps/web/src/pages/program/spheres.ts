/** The spheres of a school that an anti-racism effort or a change target works in (the landscape and change pages). */
export type Sphere = 'curriculum' | 'admissions' | 'learning_environment' | 'clinical_care' | 'research' | 'workforce' | 'community' | 'governance';

export const SPHERES: { value: Sphere; label: string }[] = [
  { value: 'curriculum', label: 'Curriculum' },
  { value: 'admissions', label: 'Admissions' },
  { value: 'learning_environment', label: 'Learning environment' },
  { value: 'clinical_care', label: 'Clinical care' },
  { value: 'research', label: 'Research' },
  { value: 'workforce', label: 'Workforce' },
  { value: 'community', label: 'Community' },
  { value: 'governance', label: 'Governance' },
];

export const sphereLabel = (value: string) => SPHERES.find((s) => s.value === value)?.label ?? value;
