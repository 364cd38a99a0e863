import { BrowserRouter, Route, Routes } from "react-router";
import { ErrorBoundary } from "./components/ErrorBoundary";
import { AppShell } from "./components/shell/AppShell";
import { ToastProvider } from "./components/ui/Toasts";
import { ApiKeysPage } from "./pages/ApiKeysPage";
import { CreditsPage } from "./pages/CreditsPage";
import { NewResearchPage } from "./pages/NewResearchPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { TaskListPage } from "./pages/TaskListPage";
import { TaskPage } from "./pages/TaskPage";

export function AppRoutes({ username }: { username: string }) {
  return (
    <Routes>
      <Route element={<AppShell username={username} />}>
        <Route index element={<NewResearchPage />} />
        <Route path="tasks" element={<TaskListPage />} />
        <Route path="tasks/:taskId" element={<TaskPage />} />
        <Route path="credits" element={<CreditsPage />} />
        <Route path="keys" element={<ApiKeysPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

export function App({ username }: { username: string }) {
  return (
    <ErrorBoundary>
      <ToastProvider>
        <BrowserRouter>
          <AppRoutes username={username} />
        </BrowserRouter>
      </ToastProvider>
    </ErrorBoundary>
  );
}
