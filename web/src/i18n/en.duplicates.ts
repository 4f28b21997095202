/** English texts of export and duplicates (spread into en.ts). */
export const duplicateTextsEn = {
  export: {
    button: "Export",
    formats: { csv: "CSV", xlsx: "Excel (XLSX)", vcf: "vCard" },
  },
  duplicates: {
    nav: "Duplicates",
    title: "Duplicates",
    emptyTitle: "No duplicates found",
    emptyDescription: "Records sharing an e-mail, a phone, a domain or a similar name at the same company show up here.",
    review: "Review",
    merge: "Merge",
    mergeTitle: "Merge records",
    field: "Field",
    survivor: "Keep this record",
    combined: "Combined from both",
    merged: "Records merged",
    undo: "Undo",
    undone: "Merge undone",
    recordGone: "One of these records no longer exists.",
    confidence: "{{percent}}% sure",
    possibleDuplicate_one: "This looks like an existing record.",
    possibleDuplicate_other: "This looks like {{count}} existing records.",
    reasons: {
      same_email: "Same e-mail",
      same_phone: "Same phone",
      same_domain: "Same domain",
      same_name: "Same name",
      similar_name_same_company: "Similar name, same company",
    },
  },
};
