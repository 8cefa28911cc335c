import { DemoChange } from './demo-change';
import { DemoPath } from './demo-path';
import { DemoProgram } from './demo-program';
import { DemoReadiness } from './demo-readiness';
import { DemoSessions } from './demo-sessions';

export const DEMO_PROGRAM_PROVIDERS = [DemoProgram, DemoPath, DemoReadiness, DemoSessions, DemoChange];
