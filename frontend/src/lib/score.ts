// Colour of a PMF score, in the verdict bands of agents/RUBRIC.md (Strong 75+, Promising 55+, Uncertain 35+,
// Weak). Presentation only: the score and its verdict come from the server.

/** Text colour class for a 0-100 score (AA contrast on white). */
export function scoreTone(score: number | null | undefined): string {
  if (score === null || score === undefined) return "text-slate-700";
  if (score >= 75) return "text-green-800";
  if (score >= 55) return "text-sky-800";
  if (score >= 35) return "text-amber-800";
  return "text-red-800";
}

/** Pill classes for a score in lists. */
export function scorePill(score: number): string {
  if (score >= 75) return "bg-green-50 text-green-800 ring-green-300";
  if (score >= 55) return "bg-sky-50 text-sky-900 ring-sky-300";
  if (score >= 35) return "bg-amber-50 text-amber-900 ring-amber-300";
  return "bg-red-50 text-red-800 ring-red-300";
}
