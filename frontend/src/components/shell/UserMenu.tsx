import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { useRef } from "react";
import { useNavigate } from "react-router";
import { csrfToken } from "../../api/client";

/** The signed-in user's menu: credits, API keys and sign-out (a POST with the CSRF token). */
export function UserMenu({ username }: { username: string }) {
  const formRef = useRef<HTMLFormElement>(null);
  const tokenRef = useRef<HTMLInputElement>(null);
  const navigate = useNavigate();
  const itemClass = "cursor-pointer rounded px-3 py-2 text-sm outline-none data-[highlighted]:bg-brand-50 data-[highlighted]:text-brand-800";

  return (
    <>
      <DropdownMenu.Root>
        <DropdownMenu.Trigger className="flex min-h-10 max-w-40 items-center gap-2 rounded-md border border-slate-300 bg-white px-3 text-sm font-medium hover:bg-slate-100">
          <span aria-hidden="true" className="flex h-6 w-6 shrink-0 items-center justify-center rounded-full bg-brand-600 text-xs font-bold uppercase text-white">
            {(username || "?").slice(0, 1)}
          </span>
          <span className="hidden truncate sm:inline">{username || "Account"}</span>
          <span className="sr-only">Account menu</span>
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content align="end" sideOffset={6} className="z-50 min-w-48 rounded-md border border-slate-200 bg-white p-1 shadow-lg">
            <DropdownMenu.Label className="px-3 py-2 text-xs text-slate-600">Signed in as {username}</DropdownMenu.Label>
            <DropdownMenu.Item className={itemClass} onSelect={() => navigate("/credits")}>
              Credits
            </DropdownMenu.Item>
            <DropdownMenu.Item className={itemClass} onSelect={() => navigate("/keys")}>
              API keys
            </DropdownMenu.Item>
            <DropdownMenu.Separator className="my-1 h-px bg-slate-200" />
            <DropdownMenu.Item
              className={itemClass}
              onSelect={() => {
                if (tokenRef.current) tokenRef.current.value = csrfToken();
                formRef.current?.submit();
              }}
            >
              Sign out
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      <form ref={formRef} method="post" action="/accounts/logout/" hidden>
        <input ref={tokenRef} type="hidden" name="csrfmiddlewaretoken" defaultValue="" />
      </form>
    </>
  );
}
