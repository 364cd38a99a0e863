import { API_BASE } from "../../api/client";
import { buttonClass } from "../ui/Button";

export function exportUrl(taskId: string, format: "md" | "json"): string {
  return `${API_BASE}/research/tasks/${encodeURIComponent(taskId)}/export?format=${format}`;
}

/** Downloads of the report through the export endpoint (its Content-Disposition names the file). */
export function ExportButtons({ taskId }: { taskId: string }) {
  return (
    <div className="flex flex-wrap gap-2 print:hidden">
      <a href={exportUrl(taskId, "md")} download className={buttonClass("secondary")}>
        Export Markdown
      </a>
      <a href={exportUrl(taskId, "json")} download className={buttonClass("secondary")}>
        Export JSON
      </a>
      <button type="button" className={buttonClass("ghost")} onClick={() => window.print()}>
        Print
      </button>
    </div>
  );
}
