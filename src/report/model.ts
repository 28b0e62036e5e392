import type { Artifact } from '../oz/types.ts';
import type { Report } from './summary.ts';

/** The artifacts a report is about: this request's (see `Report.artifacts`), else the run's. */
export function reportArtifacts(report: Pick<Report, 'run' | 'artifacts'>): Artifact[] {
  return report.artifacts ?? report.run?.artifacts ?? [];
}
