import { Button, Menu } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ListFilter } from "../../api";
import { exportUrl, type ExportFormat, type ExportObject } from "./export.url";

/**
 * "Export" on a list page: downloads the current view. A plain link, so the browser streams the
 * file to disk instead of the page holding it in memory.
 */
export function ExportMenu({ object, view }: { object: ExportObject; view: { columns: string[]; sort?: string; q: string; filter: ListFilter } }) {
  const { t } = useTranslation();
  const formats: ExportFormat[] = object === "contacts" ? ["csv", "xlsx", "vcf"] : ["csv", "xlsx"];
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default">{t("export.button")}</Button>
      </Menu.Target>
      <Menu.Dropdown>
        {formats.map((format) => (
          <Menu.Item key={format} component="a" href={exportUrl(object, format, view)} download>
            {t(`export.formats.${format}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
