import { render, screen, waitFor } from "@testing-library/react";
import { mockApi } from "../test/helpers";
import { balanceOf } from "../test/fixtures";
import { invalidate, setCached, useQuery } from "./useQuery";

function Balance({ label }: { label: string }) {
  const { data, error } = useQuery<{ balance: number }>("/credits/balance");
  if (error) return <p>{label} failed</p>;
  return <p>{data ? `${label}: ${data.balance}` : `${label} loading`}</p>;
}

test("components asking for the same resource share one request, and invalidation refreshes them all", async () => {
  let amount = 100;
  const api = mockApi({ "GET /api/v1/credits/balance": () => ({ body: balanceOf(amount) }) });
  render(
    <>
      <Balance label="header" />
      <Balance label="form" />
    </>,
  );
  expect(await screen.findByText("header: 100")).toBeInTheDocument();
  expect(screen.getByText("form: 100")).toBeInTheDocument();
  expect(api.callsTo("GET", "/api/v1/credits/balance")).toHaveLength(1);
  amount = 88;
  invalidate("/credits");
  expect(await screen.findByText("header: 88")).toBeInTheDocument();
  expect(screen.getByText("form: 88")).toBeInTheDocument();
  expect(api.callsTo("GET", "/api/v1/credits/balance")).toHaveLength(2);
});

test("a server error is retried; a 4xx answer is not", async () => {
  let calls = 0;
  const api = mockApi({
    "GET /api/v1/credits/balance": () => {
      calls += 1;
      return calls === 1 ? { status: 503, body: { error: { code: "store_unavailable", message: "Down." } } } : { body: balanceOf(40) };
    },
  });
  render(<Balance label="header" />);
  expect(await screen.findByText("header: 40")).toBeInTheDocument();
  expect(api.callsTo("GET", "/api/v1/credits/balance")).toHaveLength(2);

  const missing = mockApi({}); // every route now answers 404
  invalidate("/credits");
  expect(await screen.findByText("header failed")).toBeInTheDocument();
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(missing.callsTo("GET", "/api/v1/credits/balance")).toHaveLength(1);
});

test("a value written into the cache (a websocket update) shows without a request", async () => {
  const api = mockApi({ "GET /api/v1/credits/balance": balanceOf(10) });
  render(<Balance label="header" />);
  expect(await screen.findByText("header: 10")).toBeInTheDocument();
  setCached("/credits/balance", balanceOf(7));
  await waitFor(() => expect(screen.getByText("header: 7")).toBeInTheDocument());
  expect(api.callsTo("GET", "/api/v1/credits/balance")).toHaveLength(1);
});
