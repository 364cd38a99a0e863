import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import { ApiError, errorMessage } from "../../api/client";
import type { Balance, Depth } from "../../api/types";
import { useSubmitResearch } from "../../hooks/mutations";
import { plural, renewalDate } from "../../lib/format";
import { Button } from "../ui/Button";
import { useToast } from "../ui/Toasts";
import { CostPreview } from "./CostPreview";
import { DepthCards } from "./DepthCards";
import { HCaptchaWidget, type HCaptchaHandle } from "./HCaptchaWidget";

// The idea's bounds and the default depth come from /me (the submit serializer's own values);
// the server's 400 `fields` messages still win.
export type FormSettings = { ideaMin: number; ideaMax: number; defaultDepth: string; siteKey: string };
export type Prefill = { idea: string; depth: string; originalId: string; originalTitle: string };

type Props = {
  depths: Depth[];
  balance: Balance | undefined;
  settings: FormSettings;
  workersAvailable?: boolean;
  prefill?: Prefill;
};

const DEPTH_STORAGE_KEY = "pmf:depth";

function storedDepth(): string | null {
  try {
    return window.localStorage.getItem(DEPTH_STORAGE_KEY);
  } catch {
    return null;
  }
}

function storeDepth(depth: string): void {
  try {
    window.localStorage.setItem(DEPTH_STORAGE_KEY, depth);
  } catch {
    // private mode: the choice simply is not remembered
  }
}

function ideaProblem(idea: string, min: number, max: number): string | null {
  const length = idea.trim().length;
  if (length === 0) return "Describe your product idea.";
  if (length < min) return `Describe your idea in at least ${min} characters (${min - length} more).`;
  if (idea.length > max) return `Keep it under ${max} characters (${idea.length - max} too many).`;
  return null;
}


function newKey(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
}

/** The product idea, the depth and its cost; submits a research and opens its progress page. */
export function ResearchForm({ depths, balance, settings, workersAvailable, prefill }: Props) {
  const { ideaMin, ideaMax, siteKey } = settings;
  const navigate = useNavigate();
  const { notify } = useToast();
  const ideaId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [idea, setIdea] = useState(prefill?.idea ?? "");
  const [depth, setDepth] = useState(() => {
    const wanted = [prefill?.depth, storedDepth(), settings.defaultDepth];
    return wanted.find((name) => depths.some((candidate) => candidate.name === name)) ?? depths[0]?.name ?? "";
  });
  const [touched, setTouched] = useState(false);
  const [captchaToken, setCaptchaToken] = useState("");
  const [serverFields, setServerFields] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const submitResearch = useSubmitResearch();
  const submitting = submitResearch.isPending;
  const idempotencyKey = useRef(newKey());
  const captcha = useRef<HCaptchaHandle>(null);

  const [depthChosen, setDepthChosen] = useState(() => Boolean(prefill) || storedDepth() !== null);
  useEffect(() => {
    if (!depths.some((candidate) => candidate.name === depth) && depths[0]) setDepth(depths[0].name);
  }, [depths, depth]);
  // Until the user picks one, start on a depth the balance can pay for.
  useEffect(() => {
    if (depthChosen || !balance) return;
    const current = balance.depths.find((candidate) => candidate.depth === depth);
    if (current && !current.affordable) {
      const affordable = balance.depths.filter((candidate) => candidate.affordable).at(-1);
      if (affordable) setDepth(affordable.depth);
    }
  }, [balance, depth, depthChosen]);

  const chosen = depths.find((candidate) => candidate.name === depth);
  const allowance = balance?.depths.find((candidate) => candidate.depth === depth);
  const creditsShort = allowance !== undefined && !allowance.affordable;
  const localProblem = ideaProblem(idea, ideaMin, ideaMax);
  const affordable = balance?.depths.filter((candidate) => candidate.affordable) ?? [];
  const noneAffordable = balance !== undefined && affordable.length === 0;
  const ideaMessages = serverFields.product_idea ?? (touched && localProblem ? [localProblem] : []);
  const captchaNeeded = siteKey !== "" && captchaToken === "";

  const blockedReason = useMemo(() => {
    if (noneAffordable && balance) {
      return `You have ${plural(balance.balance, "credit")}, not enough for any research. Your credits renew on ${renewalDate(balance.month)}.`;
    }
    if (creditsShort && chosen && balance) {
      const fits = affordable.map((candidate) => candidate.label).join(" or ");
      return `${chosen.label} research costs ${plural(chosen.credits, "credit")} and you have ${balance.balance}. ${fits} fits your balance.`;
    }
    if (captchaNeeded) return "Complete the captcha to start.";
    return null;
  }, [creditsShort, noneAffordable, affordable, chosen, balance, captchaNeeded]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    setFormError(null);
    if (localProblem || blockedReason || submitting) return;
    try {
      const body = { product_idea: idea.trim(), research_depth: depth, ...(siteKey ? { hcaptcha_token: captchaToken } : {}) };
      // A rerun (edited or not) goes through the rerun endpoint, so it stays linked to the original.
      const response = await submitResearch.mutateAsync({ body, idempotencyKey: idempotencyKey.current, rerunOf: prefill?.originalId });
      idempotencyKey.current = newKey();
      notify({ title: "Research started", description: `${plural(response.credits_charged, "credit")} reserved. ${response.balance} left.`, tone: "success" });
      navigate(`/tasks/${encodeURIComponent(response.task_id)}`);
    } catch (error) {
      handleError(error);
      captcha.current?.reset();
    }
  };

  const handleError = (error: unknown) => {
    if (!(error instanceof ApiError)) {
      setFormError(errorMessage(error));
      return;
    }
    if (error.code === "invalid") {
      setServerFields(error.fields);
      const others = Object.entries(error.fields).filter(([field]) => field !== "product_idea" && field !== "research_depth");
      setFormError(others.length ? others.map(([, messages]) => messages.join(" ")).join(" ") : error.message);
    } else if (error.code === "insufficient_credits") {
      const cost = Number(error.details.cost ?? chosen?.credits ?? 0);
      const left = Number(error.details.balance ?? balance?.balance ?? 0);
      setFormError(`Not enough credits: this research costs ${plural(cost, "credit")} and you have ${left}.`);
    } else if (error.code === "rate_limited") {
      setFormError("You are submitting too quickly. Wait a few seconds and try again.");
    } else {
      setFormError(error.message);
    }
    idempotencyKey.current = newKey();
  };

  const overLimit = idea.length > ideaMax;
  return (
    <form ref={formRef} onSubmit={submit} noValidate className="space-y-6" aria-label="New research">
      {prefill && (
        <p className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm text-slate-700">
          Running again:{" "}
          <Link to={`/tasks/${encodeURIComponent(prefill.originalId)}`} className="font-medium text-brand-700 underline">
            {prefill.originalTitle || "the original research"}
          </Link>
          . Edit the idea or the depth, or start it as it was.
        </p>
      )}
      {noneAffordable && blockedReason && (
        // Out of credits: say it first, not below a form that cannot be sent (on a phone that is 1,500 px down).
        <p id="submit-blocked" role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950" data-testid="no-credits">
          <strong>Out of credits.</strong> {blockedReason}
        </p>
      )}
      <div>
        <label htmlFor={ideaId} className="text-sm font-semibold text-slate-900">
          Your product idea
        </label>
        <p id={`${ideaId}-hint`} className="mt-1 text-sm text-slate-600">
          Who is it for, what problem does it solve, how is it different? {ideaMin}–{ideaMax} characters. Press Ctrl+Enter (⌘+Enter on a Mac) to start.
        </p>
        <textarea
          id={ideaId}
          name="product_idea"
          rows={6}
          value={idea}
          onChange={(event) => {
            setIdea(event.target.value);
            if (serverFields.product_idea) setServerFields(({ product_idea: _, ...rest }) => rest);
          }}
          onBlur={() => setTouched(true)}
          onKeyDown={(event) => {
            if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              formRef.current?.requestSubmit();
            }
          }}
          // The one thing to do on this page: type the idea.
          autoFocus
          aria-invalid={ideaMessages.length > 0}
          aria-describedby={`${ideaId}-hint ${ideaId}-count${ideaMessages.length ? ` ${ideaId}-error` : ""}`}
          className={`mt-2 block w-full resize-y rounded-md border bg-white p-3 text-base shadow-sm ${ideaMessages.length ? "border-red-600" : "border-slate-300"}`}
          placeholder="e.g. A meal-planning app for busy parents that builds a weekly grocery list from what is already in the fridge."
        />
        <div className="mt-1 flex flex-wrap items-start justify-between gap-2 text-sm">
          <div id={`${ideaId}-error`} className="text-red-800">
            {ideaMessages.map((message) => (
              <p key={message}>{message}</p>
            ))}
          </div>
          <p id={`${ideaId}-count`} aria-live="polite" className={`ml-auto tabular-nums ${overLimit ? "font-semibold text-red-800" : "text-slate-600"}`}>
            {idea.length} / {ideaMax}
          </p>
        </div>
      </div>

      <DepthCards
        depths={depths}
        allowances={balance?.depths}
        value={depth}
        onChange={(name) => {
          setDepth(name);
          setDepthChosen(true);
          storeDepth(name);
          setFormError(null);
        }}
        error={serverFields.research_depth?.join(" ")}
      />

      <CostPreview depth={chosen} balance={balance} />

      {siteKey && <HCaptchaWidget ref={captcha} siteKey={siteKey} onToken={setCaptchaToken} />}

      {workersAvailable === false && (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950" data-testid="no-worker-warning">
          <strong>No research worker is running right now.</strong> If you start, the research waits in the queue until one starts; its credits are reserved now and
          refunded in full if it cannot run.
        </p>
      )}

      {formError && !blockedReason && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">
          {formError}
        </p>
      )}

      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <Button type="submit" disabled={submitting || blockedReason !== null} aria-describedby={blockedReason ? "submit-blocked" : undefined}>
          {submitting ? "Starting…" : workersAvailable === false ? "Start anyway" : "Start research"}
        </Button>
        {blockedReason && !noneAffordable && (
          <p id="submit-blocked" className="text-sm text-slate-700">
            {blockedReason}
          </p>
        )}
      </div>
    </form>
  );
}
