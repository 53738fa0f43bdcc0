/** 0 clean; 1 a threshold failed; 2 usage, input or rule-file error (as ESLint, markdownlint-cli2, knip). */
export const EXIT = { OK: 0, THRESHOLD: 1, ERROR: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
