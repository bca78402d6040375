import { STAGES, type Stage } from './stages';

/**
 * Counts, not responses: which recipients opened or clicked. The headline figures count
 * engagement inside the Delivered stage only, so each rate's numerator is a subset of its
 * denominator (spec: "Stages"). Recipients whose open or click came before a later report of a
 * bounce or failure are a set of their own, `opened-not-delivered`, shown apart.
 */
export type Engagement = 'opened' | 'clicked' | 'machine-opened' | 'opened-not-delivered';

export const ENGAGEMENTS: readonly Engagement[] = ['opened', 'clicked', 'machine-opened', 'opened-not-delivered'];

/** What the engagement of a recipient is read from. */
export interface EngagementCounters {
  /** Human opens as shown: at least 1 when there are clicks. */
  opens: number;
  clicks: number;
  machineOpens: number;
}

const DELIVERED = STAGES.indexOf('delivered');

/**
 * Whether a recipient in this stage (an index in `STAGES`, or the stage) with these counters has
 * this engagement. The report and the grid both ask this, so a figure and its rows agree.
 */
export function hasEngagement(stage: Stage | number, r: EngagementCounters, engagement: Engagement): boolean {
  const delivered = (typeof stage === 'number' ? stage : STAGES.indexOf(stage)) === DELIVERED;
  const opened = r.opens > 0 || r.clicks > 0;
  switch (engagement) {
    case 'opened':
      return delivered && opened;
    case 'clicked':
      return delivered && r.clicks > 0;
    case 'machine-opened':
      return delivered && !opened && r.machineOpens > 0;
    case 'opened-not-delivered':
      return !delivered && opened;
  }
}
