/** Companies (accounts) and the contacts who work at them. */
export { CompaniesListPage } from "./companies.list-page";
export { CompanyRecordPage } from "./company.record-page";
export { CompanySelect } from "./company.select";
export { useCompanyList, useRestoreCompany, usePurgeCompany } from "./api/companies.queries";
