import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { ApiError, api, errorMessage } from "../../api/client";
import type { Balance, Depth, SubmitResponse } from "../../api/types";
import { invalidate } from "../../hooks/useQuery";
import { plural } from "../../lib/format";
import { Button } from "../ui/Button";
import { useToast } from "../ui/Toasts";
import { CostPreview } from "./CostPreview";
import { DepthCards } from "./DepthCards";
import { HCaptchaWidget, type HCaptchaHandle } from "./HCaptchaWidget";

// The submit endpoint's documented bounds (docs/api.md); the server's 400 `fields` messages win.
export const IDEA_MIN = 10;
export const IDEA_MAX = 2000;

type Props = { depths: Depth[]; balance: Balance | undefined; siteKey: string };

function ideaProblem(idea: string): string | null {
  const length = idea.trim().length;
  if (length === 0) return "Describe your product idea.";
  if (length < IDEA_MIN) return `Describe your idea in at least ${IDEA_MIN} characters (${IDEA_MIN - length} more).`;
  if (idea.length > IDEA_MAX) return `Keep it under ${IDEA_MAX} characters (${idea.length - IDEA_MAX} too many).`;
  return null;
}

function newKey(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
}

/** The product idea, the depth and its cost; submits a research and opens its progress page. */
export function ResearchForm({ depths, balance, siteKey }: Props) {
  const navigate = useNavigate();
  const { notify } = useToast();
  const ideaId = useId();
  const [idea, setIdea] = useState("");
  const [depth, setDepth] = useState(() => depths.find((candidate) => candidate.name === "standard")?.name ?? depths[0]?.name ?? "");
  const [touched, setTouched] = useState(false);
  const [captchaToken, setCaptchaToken] = useState("");
  const [serverFields, setServerFields] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const idempotencyKey = useRef(newKey());
  const captcha = useRef<HCaptchaHandle>(null);

  const [depthChosen, setDepthChosen] = useState(false);
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
  const localProblem = ideaProblem(idea);
  const ideaMessages = serverFields.product_idea ?? (touched && localProblem ? [localProblem] : []);
  const captchaNeeded = siteKey !== "" && captchaToken === "";

  const blockedReason = useMemo(() => {
    if (creditsShort && chosen && balance) {
      return `${chosen.label} research costs ${plural(chosen.credits, "credit")} and you have ${balance.balance}. Pick a smaller depth, or wait for next month's credits.`;
    }
    if (captchaNeeded) return "Complete the captcha to start.";
    return null;
  }, [creditsShort, chosen, balance, captchaNeeded]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    setFormError(null);
    if (localProblem || blockedReason || submitting) return;
    setSubmitting(true);
    try {
      const body = { product_idea: idea.trim(), research_depth: depth, ...(siteKey ? { hcaptcha_token: captchaToken } : {}) };
      const response = await api.post<SubmitResponse>("/research/submit", body, { "Idempotency-Key": idempotencyKey.current });
      idempotencyKey.current = newKey();
      invalidate("/credits");
      invalidate("/research/tasks?");
      notify({ title: "Research started", description: `${plural(response.credits_charged, "credit")} reserved. ${response.balance} left.`, tone: "success" });
      navigate(`/tasks/${encodeURIComponent(response.task_id)}`);
    } catch (error) {
      handleError(error);
      captcha.current?.reset();
    } finally {
      setSubmitting(false);
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
      invalidate("/credits");
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

  const overLimit = idea.length > IDEA_MAX;
  return (
    <form onSubmit={submit} noValidate className="space-y-6" aria-label="New research">
      <div>
        <label htmlFor={ideaId} className="text-sm font-semibold text-slate-900">
          Your product idea
        </label>
        <p id={`${ideaId}-hint`} className="mt-1 text-sm text-slate-600">
          Who is it for, what problem does it solve, how is it different? {IDEA_MIN}–{IDEA_MAX} characters.
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
            {idea.length} / {IDEA_MAX}
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
          setFormError(null);
        }}
        error={serverFields.research_depth?.join(" ")}
      />

      <CostPreview depth={chosen} balance={balance} />

      {siteKey && <HCaptchaWidget ref={captcha} siteKey={siteKey} onToken={setCaptchaToken} />}

      {formError && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">
          {formError}
        </p>
      )}

      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <Button type="submit" disabled={submitting || blockedReason !== null} aria-describedby={blockedReason ? "submit-blocked" : undefined}>
          {submitting ? "Starting…" : "Start research"}
        </Button>
        {blockedReason && (
          <p id="submit-blocked" className="text-sm text-slate-700">
            {blockedReason}
          </p>
        )}
      </div>
    </form>
  );
}
