/** English texts of Settings → Sales (spread into en.ts). */
export const salesSettingsTextsEn = {
  salesSettings: {
    tab: "Sales",
    defaultCurrency: "Workspace currency",
    defaultCurrencyHelp: "Board totals, targets and forecasts are shown in it.",
    staleDealDays: "Stale after (days)",
    staleDealDaysHelp: "A deal with no activity for this long raises an alert.",
    rates: "Exchange rates",
    ratesHelp: "What one unit of another currency is worth in {{currency}}. Deals in a currency without a rate are left out of converted totals.",
    noRates: "No exchange rates yet: every deal is counted in the workspace currency only.",
    currency: "Currency",
    rate: "1 unit = ? {{currency}}",
    removeRate: "Remove the {{currency}} rate",
    addRate: "Add a rate",
    save: "Save",
    saved: "Sales settings saved",
  },
};
