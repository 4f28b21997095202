import { ActivityType, CreateActivityInput, type Activity, type CallOutcome } from "@contracts";
import { Button, Group, MultiSelect, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { notifySuccess, useSchemaForm } from "../../ui";
import { useMe } from "../auth";
import { OwnerSelect, useMembers } from "../settings";
import { activityTypes, fromLocalInput, toLocalInput } from "./activity.kinds";
import { MentionTextarea } from "./mention.textarea";
import { useCreateActivity } from "./api/activities.queries";
import type { TimelineRecord } from "./api/activities.queries";

export interface ActivityFormValues extends Record<string, string | string[]> {
  type: string;
  subject: string;
  body: string;
  occurredAt: string;
  endAt: string;
  dueAt: string;
  reminderAt: string;
  priority: string;
  direction: string;
  durationMinutes: string;
  outcome: string;
  location: string;
  attendeeIds: string[];
  latitude: string;
  longitude: string;
  accuracyMeters: string;
  ownerId: string;
}

function emptyValues(type: ActivityType, ownerId: string): ActivityFormValues {
  return {
    type,
    subject: "",
    body: "",
    occurredAt: toLocalInput(new Date().toISOString()),
    endAt: "",
    dueAt: "",
    reminderAt: "",
    priority: "",
    direction: "",
    durationMinutes: "",
    outcome: "",
    location: "",
    attendeeIds: [],
    latitude: "",
    longitude: "",
    accuracyMeters: "",
    ownerId,
  };
}

const orNull = (value: string) => (value.trim() === "" ? null : value);
const orUndefined = <T,>(isUsed: boolean, value: T) => (isUsed ? value : undefined);

/** The form's strings as the contract's input: only the fields the chosen type has. */
export function toActivityInput(values: ActivityFormValues, record: TimelineRecord | null) {
  const type = values.type as ActivityType;
  const is = (...types: ActivityType[]) => types.includes(type);
  const minutes = values.durationMinutes.trim() === "" ? null : Number(values.durationMinutes);
  return {
    type,
    subject: orNull(values.subject),
    body: orNull(values.body),
    ownerId: orNull(values.ownerId),
    occurredAt: orUndefined(!is("task"), fromLocalInput(values.occurredAt) ?? undefined),
    endAt: orUndefined(is("meeting"), fromLocalInput(values.endAt)),
    dueAt: orUndefined(is("task"), fromLocalInput(values.dueAt)),
    reminderAt: orUndefined(is("task"), fromLocalInput(values.reminderAt)),
    priority: orUndefined(is("task"), orNull(values.priority)),
    direction: orUndefined(is("call", "email"), orNull(values.direction)),
    durationSeconds: orUndefined(is("call"), minutes === null || Number.isNaN(minutes) ? null : Math.round(minutes * 60)),
    outcome: orUndefined(is("call"), orNull(values.outcome)),
    location: orUndefined(is("meeting", "visit"), orNull(values.location)),
    attendeeIds: orUndefined(is("meeting"), values.attendeeIds),
    geolocation: orUndefined(
      is("visit"),
      values.latitude && values.longitude
        ? { latitude: Number(values.latitude), longitude: Number(values.longitude), accuracyMeters: values.accuracyMeters ? Number(values.accuracyMeters) : null }
        : null,
    ),
    contactIds: record?.type === "contact" ? [record.id] : [],
    companyIds: record?.type === "company" ? [record.id] : [],
    dealIds: record?.type === "deal" ? [record.id] : undefined,
  };
}

/** Fills a visit's position from the browser, when the person allows it. */
function LocationButton(props: { values: ActivityFormValues; onLocated: (position: GeolocationPosition) => void }) {
  const { t } = useTranslation();
  const [state, setState] = useState<{ isLocating: boolean; error: string | null }>({ isLocating: false, error: null });
  const { latitude, longitude, accuracyMeters } = props.values;
  function locate() {
    if (!("geolocation" in navigator)) {
      setState({ isLocating: false, error: t("activities.visit.unsupported") });
      return;
    }
    setState({ isLocating: true, error: null });
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setState({ isLocating: false, error: null });
        props.onLocated(position);
      },
      (error) => setState({ isLocating: false, error: t("activities.visit.denied", { reason: error.message }) }),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  }
  return (
    <Stack gap={4}>
      <Group>
        <Button variant="light" onClick={locate} loading={state.isLocating} data-testid="use-location">{t("activities.visit.useLocation")}</Button>
        {latitude && longitude ? (
          <Text size="sm" c="dimmed">
            {t("activities.visit.located", { latitude: Number(latitude).toFixed(5), longitude: Number(longitude).toFixed(5), accuracy: Math.round(Number(accuracyMeters || 0)) })}
          </Text>
        ) : null}
      </Group>
      {state.error ? <Text size="sm" c="red">{state.error}</Text> : null}
    </Stack>
  );
}

/** Logs a note, call, e-mail, meeting, task or visit, linked to the record it is opened on. */
export function ActivityForm(props: { record: TimelineRecord | null; types?: ActivityType[]; onSaved?: (activity: Activity) => void; onCancel?: () => void }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const members = useMembers();
  const createActivity = useCreateActivity();
  const types = props.types ?? activityTypes;
  const form = useSchemaForm({
    initialValues: emptyValues(types[0], me?.user.id ?? ""),
    schema: CreateActivityInput,
    toInput: (values) => toActivityInput(values, props.record),
    fieldForPath: (path) => (path === "durationSeconds" ? "durationMinutes" : path.startsWith("geolocation") ? "latitude" : path.split(".")[0]),
  });
  const type = form.values.type as ActivityType;
  const is = (...candidates: ActivityType[]) => candidates.includes(type);
  const memberOptions = (members.data?.data ?? []).map((member) => ({ value: member.userId, label: member.name || member.email }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = form.validate();
    if (!input) return;
    createActivity.mutate(input, {
      onSuccess: (activity) => {
        notifySuccess(t("activities.logged"));
        form.setValues(emptyValues(type, me?.user.id ?? ""));
        props.onSaved?.(activity);
      },
      onError: form.handleSubmitError,
    });
  }

  return (
    <form onSubmit={submit} noValidate data-testid="activity-form">
      <Stack gap="sm">
        {types.length > 1 ? (
          <SegmentedControl
            fullWidth
            data={types.map((value) => ({ value, label: t(`activities.types.${value}`) }))}
            value={type}
            onChange={(value) => form.setField("type", value)}
            aria-label={t("activities.fields.type")}
            data-testid="activity-type"
          />
        ) : null}
        {type !== "note" ? <TextInput label={t("activities.fields.subject")} {...form.getInputProps("subject")} data-testid="activity-subject" /> : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {is("task") ? (
            <>
              <TextInput type="datetime-local" label={t("activities.fields.dueAt")} {...form.getInputProps("dueAt")} data-testid="activity-due" />
              <TextInput type="datetime-local" label={t("activities.fields.reminderAt")} {...form.getInputProps("reminderAt")} />
              <Select
                label={t("activities.fields.priority")}
                data={(["low", "normal", "high"] as const).map((value) => ({ value, label: t(`activities.priorities.${value}`) }))}
                value={form.values.priority || null}
                onChange={(value) => form.setField("priority", value ?? "")}
                error={form.errors.priority}
                clearable
              />
            </>
          ) : (
            <TextInput type="datetime-local" label={t(is("meeting") ? "activities.fields.startAt" : "activities.fields.occurredAt")} {...form.getInputProps("occurredAt")} />
          )}
          {is("meeting") ? <TextInput type="datetime-local" label={t("activities.fields.endAt")} {...form.getInputProps("endAt")} /> : null}
          {is("call", "email") ? (
            <Select
              label={t("activities.fields.direction")}
              data={(["outbound", "inbound"] as const).map((value) => ({ value, label: t(`activities.directions.${value}`) }))}
              value={form.values.direction || null}
              onChange={(value) => form.setField("direction", value ?? "")}
              error={form.errors.direction}
              clearable
            />
          ) : null}
          {is("call") ? (
            <>
              <NumberInput label={t("activities.fields.durationMinutes")} min={0} max={1440} value={form.values.durationMinutes} onChange={(value) => form.setField("durationMinutes", String(value))} error={form.errors.durationMinutes} />
              <Select
                label={t("activities.fields.outcome")}
                data={(["connected", "left_voicemail", "no_answer", "busy", "wrong_number"] satisfies CallOutcome[]).map((value) => ({ value, label: t(`activities.outcomes.${value}`) }))}
                value={form.values.outcome || null}
                onChange={(value) => form.setField("outcome", value ?? "")}
                error={form.errors.outcome}
                clearable
              />
            </>
          ) : null}
          {is("meeting", "visit") ? <TextInput label={t("activities.fields.location")} {...form.getInputProps("location")} /> : null}
          <OwnerSelect label={t(is("task") ? "activities.fields.assignee" : "activities.fields.owner")} value={form.values.ownerId} onChange={(value) => form.setField("ownerId", value)} error={form.errors.ownerId} />
        </SimpleGrid>
        {is("meeting") ? (
          <MultiSelect label={t("activities.fields.attendees")} data={memberOptions} value={form.values.attendeeIds} onChange={(value) => form.setField("attendeeIds", value)} error={form.errors.attendeeIds} searchable clearable />
        ) : null}
        {is("visit") ? (
          <>
            <LocationButton
              values={form.values}
              onLocated={(position) =>
                form.setValues((current) => ({
                  ...current,
                  latitude: String(position.coords.latitude),
                  longitude: String(position.coords.longitude),
                  accuracyMeters: String(position.coords.accuracy),
                  occurredAt: toLocalInput(new Date(position.timestamp).toISOString()),
                }))
              }
            />
            {form.errors.latitude ? <Text size="sm" c="red">{form.errors.latitude}</Text> : null}
          </>
        ) : null}
        <MentionTextarea
          label={t("activities.fields.body")}
          description={t("activities.fields.bodyHint")}
          value={form.values.body}
          onChange={(value) => form.setField("body", value)}
          error={form.errors.body}
        />
        <Group justify="flex-end">
          {props.onCancel ? <Button variant="default" onClick={props.onCancel}>{t("common.cancel")}</Button> : null}
          <Button type="submit" loading={createActivity.isPending} data-testid="activity-save">{t("common.save")}</Button>
        </Group>
      </Stack>
    </form>
  );
}
