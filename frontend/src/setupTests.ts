import "@testing-library/jest-dom/vitest";
import { queryClient } from "./lib/queryClient";

// Retries keep their rule (5xx and network only) but happen at once, so error states show quickly.
const defaults = queryClient.getDefaultOptions();
queryClient.setDefaultOptions({ ...defaults, queries: { ...defaults.queries, retryDelay: 0 } });

// Each test starts with an empty cache (the app keeps one client for its lifetime).
afterEach(() => queryClient.clear());
