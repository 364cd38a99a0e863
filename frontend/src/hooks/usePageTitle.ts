import { useEffect } from "react";

/** The document title for the current page. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · PMF Research Assistant` : "PMF Research Assistant";
  }, [title]);
}
