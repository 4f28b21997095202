import { createTheme, MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { ApiError } from "../api";
import { meQueryKey } from "../features/auth";

const theme = createTheme({ primaryColor: "blue", defaultRadius: "sm", fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'PingFang SC', 'Microsoft YaHei', sans-serif" });

function isUnauthorised(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

/** A request that answers 401 means the session ended: refetching `me` lets the guard redirect. */
export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error, query) => {
      if (isUnauthorised(error) && query.queryKey[0] !== meQueryKey[0]) void queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  }),
  mutationCache: new MutationCache({
    onError: (error) => {
      if (isUnauthorised(error)) void queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: false,
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
    },
  },
});

export function AppProviders(props: { children: ReactNode }) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="bottom-right" limit={4} />
      <QueryClientProvider client={queryClient}>{props.children}</QueryClientProvider>
    </MantineProvider>
  );
}
