/**
 * The contract's channel names with no dependencies, so the sandboxed preload can allow-list
 * them without bundling zod. contract.ts is checked against this list in both directions.
 */
export const CHANNEL_NAMES = [
  'data:status',
  'data:import-files',
  'data:import-paths',
  'data:download',
  'runs:list',
  'models:list',
  'runs:create',
  'runs:get',
  'runs:delete',
  'season:step',
  'season:run-to-end',
  'season:reset',
  'season:week',
  'dashboard:get',
  'slips:export',
  'jobs:wait',
  'jobs:cancel',
  'settings:defaults',
  'live:list',
  'live:refresh',
  'live:report',
] as const;

export type ChannelName = (typeof CHANNEL_NAMES)[number];
