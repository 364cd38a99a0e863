import { API_BASE } from "../../api/client";
import { buttonClass } from "../ui/Button";

export type ExportFormat = "pdf" | "docx" | "md" | "json";

const FORMATS: { format: ExportFormat; label: string; title: string }[] = [
  { format: "pdf", label: "PDF", title: "Download as PDF" },
  { format: "docx", label: "Word", title: "Download as a Word document" },
  { format: "md", label: "Markdown", title: "Download as Markdown" },
  { format: "json", label: "JSON", title: "Download the structured data as JSON" },
];

export function exportUrl(taskId: string, format: ExportFormat): string {
  return `${API_BASE}/research/tasks/${encodeURIComponent(taskId)}/export?format=${format}`;
}

/** Downloads of the report through the export endpoint (its Content-Disposition names the file). */
export function ExportButtons({ taskId }: { taskId: string }) {
  return (
    <div className="flex flex-wrap items-center gap-1.5 print:hidden sm:gap-2" role="group" aria-label="Export">
      {FORMATS.map(({ format, label, title }, index) => (
        <a
          key={format}
          href={exportUrl(taskId, format)}
          download
          title={title}
          aria-label={`Export ${label}`}
          className={buttonClass(index < 2 ? "secondary" : "ghost").replace("px-4", "px-3 sm:px-4")}
        >
          {index === 0 ? `Export ${label}` : label}
        </a>
      ))}
    </div>
  );
}
