import type { Notification, NotificationList } from "@contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../api";

const key = ["notifications"] as const;

/** The newest notifications and the unread count; polled, so reminders show up at their time. */
export function useNotifications() {
  return useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api.get<NotificationList>("/api/v1/notifications", { limit: 20 }, signal),
    refetchInterval: 30_000,
    refetchIntervalInBackground: false,
    staleTime: 10_000,
  });
}

export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<Notification>(`/api/v1/notifications/${id}/read`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

export function useMarkAllNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ count: number }>("/api/v1/notifications/read-all"),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
