// Display helpers: dates, durations, labels from API keys.

export function humanize(key: string): string {
  const words = key.replace(/[_-]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "—";
  return date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "—";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "—";
  return date.toLocaleDateString(undefined, { dateStyle: "medium" });
}

/** "1 min 05 s", "42 s". */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  if (minutes === 0) return `${rest} s`;
  return `${minutes} min ${String(rest).padStart(2, "0")} s`;
}

/** "~1 min" from a target in seconds. */
export function formatTypicalTime(targetSeconds: number): string {
  if (targetSeconds < 60) return `~${targetSeconds} s`;
  return `~${Math.round(targetSeconds / 60)} min`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function formatCredits(amount: number): string {
  return plural(amount, "credit");
}

/** The first day of the month after "YYYY-MM", when the monthly credits renew. */
export function renewalDate(month: string): string {
  const [year, monthNumber] = month.split("-").map(Number);
  if (!year || !monthNumber) return "next month";
  return new Date(year, monthNumber, 1).toLocaleDateString(undefined, { dateStyle: "long" });
}

/** A language's English name from its ISO 639-1 code ("fr" -> "French"); the code when unknown. */
export function languageName(code: string): string {
  try {
    return new Intl.DisplayNames(["en"], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}
