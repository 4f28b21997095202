import { Button, Group, Kbd, Loader, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { Spotlight, spotlight } from "@mantine/spotlight";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useGlobalSearch } from "./api/search.queries";

const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);

/** The header's search button; opens with Ctrl/Cmd-K. */
export function SearchButton() {
  const { t } = useTranslation();
  return (
    <Button variant="default" onClick={() => spotlight.open()} aria-label={t("search.open")} data-testid="search-button" rightSection={<Kbd size="xs" visibleFrom="xs">{isMac ? "⌘ K" : "Ctrl K"}</Kbd>} px="sm">
      <Text size="sm" c="dimmed">{t("search.button")}</Text>
    </Button>
  );
}

/** Global search over contacts and companies; a result opens its record page. */
export function SearchSpotlight() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [query, setQuery] = useState("");
  const [debouncedQuery] = useDebouncedValue(query, 200);
  const search = useGlobalSearch(debouncedQuery);
  const contacts = query.trim() ? (search.data?.contacts ?? []) : [];
  const companies = query.trim() ? (search.data?.companies ?? []) : [];

  return (
    <Spotlight.Root query={query} onQueryChange={setQuery} shortcut={["mod + K"]} scrollable maxHeight={420}>
      <Spotlight.Search placeholder={t("search.placeholder")} aria-label={t("search.placeholder")} rightSection={search.isFetching ? <Loader size="xs" /> : null} />
      <Spotlight.ActionsList>
        {contacts.length > 0 ? (
          <Spotlight.ActionsGroup label={t("contacts.title")}>
            {contacts.map((contact) => (
              <Spotlight.Action key={contact.id} onClick={() => navigate(`/contacts/${contact.id}`)}>
                <Group wrap="nowrap" gap="xs" w="100%">
                  <div style={{ flex: 1 }}>
                    <Text size="sm">{contact.name}</Text>
                    <Text size="xs" c="dimmed">{[contact.email, contact.companyName].filter(Boolean).join(" · ")}</Text>
                  </div>
                </Group>
              </Spotlight.Action>
            ))}
          </Spotlight.ActionsGroup>
        ) : null}
        {companies.length > 0 ? (
          <Spotlight.ActionsGroup label={t("companies.title")}>
            {companies.map((company) => (
              <Spotlight.Action key={company.id} onClick={() => navigate(`/companies/${company.id}`)}>
                <div>
                  <Text size="sm">{company.name}</Text>
                  {company.domain ? <Text size="xs" c="dimmed">{company.domain}</Text> : null}
                </div>
              </Spotlight.Action>
            ))}
          </Spotlight.ActionsGroup>
        ) : null}
        {contacts.length === 0 && companies.length === 0 ? (
          <Spotlight.Empty>{query.trim() ? (search.isFetching ? t("common.loading") : t("search.nothingFound")) : t("search.hint")}</Spotlight.Empty>
        ) : null}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}
