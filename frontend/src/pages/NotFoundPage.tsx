import { Link } from "react-router";
import { usePageTitle } from "../hooks/usePageTitle";

export function NotFoundPage() {
  usePageTitle("Page not found");
  return (
    <div className="mx-auto max-w-xl rounded-lg border border-slate-200 bg-white p-6">
      <h1 className="text-xl font-semibold">Page not found</h1>
      <p className="mt-2 text-slate-700">This address does not match any page.</p>
      <Link to="/" className="mt-4 inline-block font-medium text-brand-700 underline">
        Start a new research
      </Link>
    </div>
  );
}
