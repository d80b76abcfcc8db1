import type { Match } from '../domain/football/match';

/** A match to price: everything known before kick-off, no result. */
export type Fixture = Pick<Match, 'id' | 'div' | 'season' | 'date' | 'kickoff' | 'homeTeam' | 'awayTeam' | 'homeTeamId' | 'awayTeamId'>;
