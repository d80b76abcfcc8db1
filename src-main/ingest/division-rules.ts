/**
 * What a league season can hold, so a file with an impossible number of matches (a season
 * pasted twice, a cup or another league mixed in) is refused instead of imported.
 *
 * A league season has each home fixture once, except where the league splits or plays a
 * pair four times: Scotland (SC0 after the split; SC1-SC3 with ten teams playing each other
 * four times) and the leagues whose files may carry play-off rounds (B1, G1). A division the
 * table does not know gets the looser rule. No football-data league has more than 24 teams.
 */
export interface DivisionRules {
  /** Most times a pair meets at the same ground in one season. */
  readonly meetingsPerGround: number;
  readonly maxTeams: number;
}

const ONE_MEETING = new Set(['E0', 'E1', 'E2', 'E3', 'EC', 'D1', 'D2', 'I1', 'I2', 'SP1', 'SP2', 'F1', 'F2', 'N1', 'P1', 'T1']);

export const MAX_TEAMS_PER_DIVISION = 24;

export function divisionRulesOf(div: string): DivisionRules {
  return { meetingsPerGround: ONE_MEETING.has(div) ? 1 : 2, maxTeams: MAX_TEAMS_PER_DIVISION };
}
