import * as Dialog from "@radix-ui/react-dialog";
import { useContext } from "react";
import { useSourcePassage } from "../../hooks/resources";
import { sourceTypeLabel } from "../../lib/evidence";
import { formatDate } from "../../lib/format";
import { buttonClass } from "../ui/Button";
import { ErrorState } from "../ui/ErrorState";
import { Skeleton } from "../ui/Skeleton";
import { ReportContext } from "./Sources";

const SAFE_URL = /^https?:\/\//i;

/** A cited source: its type and date, and the finding's quote highlighted in the stored source text. */
export function SourcePassageDialog({ sourceId, quote, onClose }: { sourceId: string; quote: string; onClose: () => void }) {
  const { taskId, citations } = useContext(ReportContext);
  const citation = citations.get(sourceId);
  const { data, error, reload } = useSourcePassage(taskId, sourceId, quote);
  const passage = data?.passage;
  const type = sourceTypeLabel(data?.source_type);
  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/50" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-50 flex max-h-[calc(100dvh-2rem)] w-[calc(100vw-2rem)] max-w-2xl -translate-x-1/2 -translate-y-1/2 flex-col rounded-lg bg-white p-5 shadow-xl sm:p-6">
          <Dialog.Title className="pr-8 text-lg font-semibold">
            <span className="mr-2 font-mono text-base text-slate-600">{sourceId}</span>
            {data?.title || citation?.title || "Source"}
          </Dialog.Title>
          <Dialog.Description className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-sm text-slate-700">
            {type && <span>{type}</span>}
            <span>{data?.published ? `Published ${formatDate(data.published)}` : "Date not stated"}</span>
            {(data?.sample ?? citation?.sample) && <span className="font-semibold text-amber-900">Fictional sample document</span>}
          </Dialog.Description>
          <div tabIndex={0} role="region" aria-label="Source text" className="mt-4 min-h-24 overflow-y-auto rounded-md border border-slate-200 bg-slate-50 p-3 text-sm leading-relaxed">
            {error && !data ? (
              <ErrorState error={error} title="Could not load the source text" onRetry={reload} />
            ) : !data ? (
              <div aria-busy="true" aria-label="Loading the source text">
                <Skeleton className="h-4 w-full" />
                <Skeleton className="mt-2 h-4 w-5/6" />
                <Skeleton className="mt-2 h-4 w-2/3" />
              </div>
            ) : !passage ? (
              <p className="text-slate-700">The text of this source is no longer stored.</p>
            ) : (
              <>
                <p className="mb-2 text-xs font-medium text-slate-600" data-testid="passage-status">
                  {passage.found ? "The quote, highlighted, as it appears in the source text:" : "This quote was not found in the stored text; the opening of the source is shown."}
                </p>
                <p className="whitespace-pre-line break-words" data-testid="source-passage">
                  {passage.before}
                  {passage.found && <mark className="rounded bg-yellow-200 px-0.5 text-slate-900">{passage.quote}</mark>}
                  {passage.after}
                </p>
              </>
            )}
          </div>
          <div className="mt-4 flex flex-wrap items-center justify-between gap-2">
            {citation && SAFE_URL.test(citation.url) && !citation.sample ? (
              <a href={citation.url} target="_blank" rel="noopener noreferrer" className="break-all text-sm font-medium text-brand-700 underline">
                Open the original<span className="sr-only"> (opens in a new tab)</span>
              </a>
            ) : (
              <span className="break-all text-xs text-slate-600">{citation?.url}</span>
            )}
            <Dialog.Close className={buttonClass("secondary")}>Close</Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
