// The hCaptcha widget, loaded from js.hcaptcha.com only when the server configures a site key.
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from "react";

type HCaptchaApi = {
  render: (container: HTMLElement, options: Record<string, unknown>) => string;
  reset: (widgetId?: string) => void;
};

declare global {
  interface Window {
    hcaptcha?: HCaptchaApi;
    pmfHcaptchaLoaded?: () => void;
  }
}

export const HCAPTCHA_SCRIPT = "https://js.hcaptcha.com/1/api.js";
let scriptPromise: Promise<void> | null = null;

function loadScript(): Promise<void> {
  if (window.hcaptcha) return Promise.resolve();
  if (scriptPromise) return scriptPromise;
  scriptPromise = new Promise((resolve, reject) => {
    window.pmfHcaptchaLoaded = () => resolve();
    const script = document.createElement("script");
    script.src = `${HCAPTCHA_SCRIPT}?render=explicit&onload=pmfHcaptchaLoaded`;
    script.async = true;
    script.defer = true;
    script.onerror = () => {
      scriptPromise = null;
      reject(new Error("hCaptcha could not be loaded"));
    };
    document.head.appendChild(script);
  });
  return scriptPromise;
}

export type HCaptchaHandle = { reset: () => void };

type Props = { siteKey: string; onToken: (token: string) => void };

export const HCaptchaWidget = forwardRef<HCaptchaHandle, Props>(function HCaptchaWidget({ siteKey, onToken }, ref) {
  const container = useRef<HTMLDivElement>(null);
  const widgetId = useRef<string | undefined>(undefined);
  const onTokenRef = useRef(onToken);
  onTokenRef.current = onToken;
  const [failed, setFailed] = useState(false);

  useImperativeHandle(ref, () => ({
    reset: () => {
      onTokenRef.current("");
      if (window.hcaptcha && widgetId.current !== undefined) window.hcaptcha.reset(widgetId.current);
    },
  }));

  useEffect(() => {
    let cancelled = false;
    loadScript()
      .then(() => {
        if (cancelled || !container.current || !window.hcaptcha || widgetId.current !== undefined) return;
        widgetId.current = window.hcaptcha.render(container.current, {
          sitekey: siteKey,
          callback: (token: string) => onTokenRef.current(token),
          "expired-callback": () => onTokenRef.current(""),
          "error-callback": () => onTokenRef.current(""),
        });
      })
      .catch(() => !cancelled && setFailed(true));
    return () => {
      cancelled = true;
    };
  }, [siteKey]);

  return (
    <div className="min-h-[78px]">
      <div ref={container} data-testid="hcaptcha" />
      {failed && (
        <p role="alert" className="text-sm text-red-800">
          The captcha could not be loaded. Check your connection or disable blockers for js.hcaptcha.com, then reload.
        </p>
      )}
    </div>
  );
});
