import type { duplicateTextsEn } from "./en.duplicates";

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** 导出与重复记录的中文文本(展开到 zh-CN.ts)。 */
export const duplicateTextsZh: Widen<typeof duplicateTextsEn> = {
  export: {
    button: "导出",
    formats: { csv: "CSV", xlsx: "Excel (XLSX)", vcf: "vCard" },
  },
  duplicates: {
    nav: "重复记录",
    title: "重复记录",
    emptyTitle: "未发现重复记录",
    emptyDescription: "邮箱、电话、域名相同,或同一公司下姓名相似的记录会显示在这里。",
    review: "查看",
    merge: "合并",
    mergeTitle: "合并记录",
    field: "字段",
    survivor: "保留此记录",
    combined: "合并两者",
    merged: "记录已合并",
    undo: "撤销",
    undone: "已撤销合并",
    recordGone: "其中一条记录已不存在。",
    confidence: "可信度 {{percent}}%",
    possibleDuplicate_one: "这条记录与一条现有记录相似。",
    possibleDuplicate_other: "这条记录与 {{count}} 条现有记录相似。",
    reasons: {
      same_email: "邮箱相同",
      same_phone: "电话相同",
      same_domain: "域名相同",
      same_name: "名称相同",
      similar_name_same_company: "同一公司下姓名相似",
    },
  },
};
