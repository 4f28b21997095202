/** 设置 → 销售 的中文文本（并入 zh-CN.ts）。 */
export const salesSettingsTextsZh = {
  salesSettings: {
    tab: "销售",
    defaultCurrency: "工作区货币",
    defaultCurrencyHelp: "看板合计、目标和预测都以此货币显示。",
    staleDealDays: "停滞天数",
    staleDealDaysHelp: "商机在这么多天内没有任何活动时发出提醒。",
    rates: "汇率",
    ratesHelp: "一单位其他货币折合多少 {{currency}}。没有汇率的货币不计入折算合计。",
    noRates: "尚未设置汇率：只按工作区货币统计商机。",
    currency: "货币",
    rate: "1 单位 = ? {{currency}}",
    removeRate: "删除 {{currency}} 汇率",
    addRate: "添加汇率",
    save: "保存",
    saved: "销售设置已保存",
  },
};
