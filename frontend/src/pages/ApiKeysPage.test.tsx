import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ApiKey } from "../api/types";
import { mockApi, renderAt } from "../test/helpers";
import { ApiKeysPage } from "./ApiKeysPage";

test("create shows the raw key once with a copy button; revoke asks first", async () => {
  const keys: ApiKey[] = [{ id: "k1", name: "Nightly", prefix: "pmf_ab12", created_at: "2026-11-01T10:00:00+00:00", last_used_at: null, revoked_at: null }];
  const api = mockApi({
    "GET /api/v1/keys": () => ({ body: keys }),
    "POST /api/v1/keys": ({ body }) => {
      const created = { id: "k2", name: (body as { name: string }).name, prefix: "pmf_cd34", created_at: "2026-11-25T10:00:00+00:00", last_used_at: null, revoked_at: null };
      keys.push(created);
      return { status: 201, body: { ...created, key: "pmf_cd34_secret" } };
    },
    "DELETE /api/v1/keys/k1": () => ({ status: 204 }),
  });
  const writeText = vi.fn().mockResolvedValue(undefined);
  Object.defineProperty(navigator, "clipboard", { configurable: true, value: { writeText } });
  renderAt("/keys", <ApiKeysPage />);
  expect(await screen.findByText("pmf_ab12…")).toBeInTheDocument();
  expect(screen.getByText(/Last used never/)).toBeInTheDocument();

  await userEvent.type(screen.getByLabelText("Key name"), "CI");
  await userEvent.click(screen.getByRole("button", { name: "Create key" }));
  const dialog = await screen.findByRole("dialog");
  expect(within(dialog).getByLabelText("Your new key")).toHaveValue("pmf_cd34_secret");
  expect(dialog).toHaveTextContent("only time the full key is shown");
  await userEvent.click(within(dialog).getByRole("button", { name: "Copy" }));
  expect(writeText).toHaveBeenCalledWith("pmf_cd34_secret");
  await userEvent.click(within(dialog).getByRole("button", { name: "I have saved it" }));
  expect(screen.queryByText("pmf_cd34_secret")).not.toBeInTheDocument();
  expect(await screen.findByText("pmf_cd34…")).toBeInTheDocument();

  await userEvent.click(screen.getByRole("button", { name: "Revoke Nightly" }));
  await userEvent.click(within(screen.getByRole("alertdialog")).getByRole("button", { name: "Revoke key" }));
  await waitFor(() => expect(api.callsTo("DELETE", "/api/v1/keys/k1")).toHaveLength(1));
});
