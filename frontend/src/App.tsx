import { useEffect, useState } from "react";

type Health = { status: string; checks: Record<string, { status: string; message: string }> };

export function App({ username }: { username: string }) {
  const [health, setHealth] = useState<Health | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    fetch("/health")
      .then((response) => response.json() as Promise<Health>)
      .then(setHealth)
      .catch(() => setError("Could not reach the server."));
  }, []);

  return (
    <main style={{ fontFamily: "system-ui", maxWidth: "40rem", margin: "4rem auto", padding: "0 1rem" }}>
      <h1>PMF Research Assistant</h1>
      <p>Signed in as {username || "guest"}.</p>
      {error && <p role="alert">{error}</p>}
      {health ? (
        <ul aria-label="Service status">
          {Object.entries(health.checks).map(([name, check]) => (
            <li key={name}>
              {name}: {check.status}
            </li>
          ))}
        </ul>
      ) : (
        !error && <p>Checking services…</p>
      )}
    </main>
  );
}
