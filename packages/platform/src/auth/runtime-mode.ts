/** How a process runs: production hardens everything, development and test are for one machine. */
export const RUNTIME_MODES = ['development', 'production', 'test'] as const;
export type RuntimeMode = (typeof RUNTIME_MODES)[number];
