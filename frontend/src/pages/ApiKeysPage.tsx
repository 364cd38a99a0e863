import { useState, type FormEvent } from "react";
import { ApiError, errorMessage } from "../api/client";
import type { ApiKey, CreatedApiKey } from "../api/types";
import { NewKeyDialog } from "../components/keys/NewKeyDialog";
import { Button } from "../components/ui/Button";
import { Card } from "../components/ui/Card";
import { ConfirmDialog } from "../components/ui/ConfirmDialog";
import { ErrorState } from "../components/ui/ErrorState";
import { LoadingRegion, Skeleton } from "../components/ui/Skeleton";
import { useToast } from "../components/ui/Toasts";
import { useCreateApiKey, useRevokeApiKey } from "../hooks/mutations";
import { useApiKeys } from "../hooks/resources";
import { usePageTitle } from "../hooks/usePageTitle";
import { formatDateTime } from "../lib/format";

function CreateKeyForm({ onCreated }: { onCreated: (key: CreatedApiKey) => void }) {
  const [name, setName] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const createKey = useCreateApiKey();
  const busy = createKey.isPending;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setProblem("Give the key a name, e.g. where it will be used.");
      return;
    }
    setProblem(null);
    try {
      const created = await createKey.mutateAsync(name.trim());
      setName("");
      onCreated(created);
    } catch (error) {
      setProblem(error instanceof ApiError && error.fields.name ? error.fields.name.join(" ") : errorMessage(error));
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
      <div className="flex-1">
        <label htmlFor="key-name" className="text-sm font-medium">
          Key name
        </label>
        <input
          id="key-name"
          value={name}
          maxLength={100}
          onChange={(event) => setName(event.target.value)}
          aria-invalid={problem !== null}
          aria-describedby={problem ? "key-name-error" : undefined}
          placeholder="e.g. Nightly script"
          className="mt-1 block min-h-11 w-full rounded-md border border-slate-300 bg-white px-3"
        />
      </div>
      <Button type="submit" disabled={busy}>
        {busy ? "Creating…" : "Create key"}
      </Button>
      </div>
      {problem && (
        <p id="key-name-error" role="alert" className="mt-2 text-sm text-red-800">
          {problem}
        </p>
      )}
    </form>
  );
}

function KeyRow({ apiKey, onRevoke }: { apiKey: ApiKey; onRevoke: (key: ApiKey) => void }) {
  const revoked = apiKey.revoked_at !== null;
  return (
    <li className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
      <div className="min-w-0">
        <p className="break-words font-medium">
          {apiKey.name}
          {revoked && <span className="ml-2 rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700">Revoked</span>}
        </p>
        <p className="font-mono text-sm text-slate-700">{apiKey.prefix}…</p>
        <p className="text-xs text-slate-600">
          Created {formatDateTime(apiKey.created_at)} · Last used {apiKey.last_used_at ? formatDateTime(apiKey.last_used_at) : "never"}
          {revoked && ` · Revoked ${formatDateTime(apiKey.revoked_at)}`}
        </p>
      </div>
      {!revoked && (
        <Button variant="secondary" onClick={() => onRevoke(apiKey)} aria-label={`Revoke ${apiKey.name}`}>
          Revoke
        </Button>
      )}
    </li>
  );
}

export function ApiKeysPage() {
  usePageTitle("API keys");
  const keys = useApiKeys();
  const { notify } = useToast();
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const revokeKey = useRevokeApiKey();
  const busy = revokeKey.isPending;

  const revoke = async () => {
    if (!revoking) return;
    try {
      await revokeKey.mutateAsync(revoking.id);
      notify({ title: `Revoked “${revoking.name}”`, tone: "success" });
    } catch (error) {
      notify({ title: "Could not revoke the key", description: errorMessage(error), tone: "error" });
    } finally {
      setRevoking(null);
    }
  };

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">API keys</h1>
        <p className="mt-1 text-sm text-slate-700">
          Scripts call the API with <code className="rounded bg-slate-100 px-1">Authorization: Api-Key &lt;key&gt;</code>. See the{" "}
          <a href="/api/docs/" className="text-brand-700 underline">
            API documentation
          </a>
          .
        </p>
      </div>
      <Card>
        <h2 className="mb-3 text-lg font-semibold">Create a key</h2>
        <CreateKeyForm
          onCreated={(key) => {
            setCreated(key);
            keys.reload();
          }}
        />
      </Card>
      <Card>
        <h2 className="text-lg font-semibold">Your keys</h2>
        {keys.error && !keys.data ? (
          <div className="mt-3">
            <ErrorState error={keys.error} title="Could not load your keys" onRetry={keys.reload} />
          </div>
        ) : !keys.data ? (
          <LoadingRegion label="Loading keys">
            <Skeleton className="mt-3 h-16 w-full" />
            <Skeleton className="mt-3 h-16 w-full" />
          </LoadingRegion>
        ) : keys.data.length === 0 ? (
          <p className="mt-3 text-slate-600">No keys yet.</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-100">
            {keys.data.map((apiKey) => (
              <KeyRow key={apiKey.id} apiKey={apiKey} onRevoke={setRevoking} />
            ))}
          </ul>
        )}
      </Card>
      <NewKeyDialog created={created} onClose={() => setCreated(null)} />
      <ConfirmDialog
        open={revoking !== null}
        onOpenChange={(open) => !open && setRevoking(null)}
        title={`Revoke “${revoking?.name ?? ""}”?`}
        description={<p>Scripts using this key stop working immediately. This cannot be undone.</p>}
        confirmLabel={busy ? "Revoking…" : "Revoke key"}
        busy={busy}
        onConfirm={revoke}
      />
    </div>
  );
}
