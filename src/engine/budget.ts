import { appError, AppErrorException } from "../shared/errors.js";

/**
 * A per-document time budget. The engine cannot interrupt one regex (that is what the load-time regex safety
 * check is for), but it looks at the clock between clauses and gives up on a document that takes too long, so
 * one pathological file becomes that file's `ANALYSIS_TIMEOUT` entry and the batch goes on. The clock is
 * injected: the engine stays pure and tests can expire a budget without waiting.
 */
export interface Budget {
  /** True once the document has used up its time. */
  expired(): boolean;
  /** The limit, for the message. */
  limitMs: number;
}

export function budgetFrom(limitMs: number, now: () => number): Budget {
  const deadline = now() + limitMs;
  return { limitMs, expired: () => now() > deadline };
}

/** Throws the document's ANALYSIS_TIMEOUT error (caught per document by the pipeline) when time is up. */
export function checkBudget(budget: Budget | undefined): void {
  if (budget?.expired()) {
    throw new AppErrorException(
      appError("ANALYSIS_TIMEOUT", `analysis took longer than ${budget.limitMs} ms and was stopped`, {
        hint: "raise --timeout, or split the document",
      }),
    );
  }
}
