import { createBrowserRouter, Navigate, RouterProvider } from "react-router";
import { MyTasksPage } from "../features/activities";
import { AcceptInvitationPage, AuthGuard, LoginPage, SignupPage } from "../features/auth";
import { CompaniesListPage, CompanyRecordPage } from "../features/companies";
import { ContactRecordPage, ContactsListPage } from "../features/contacts";
import { DealRecordPage, DealsBoardPage, DealsListPage } from "../features/deals";
import { InvoicePage, OrderPage, ProductsPage } from "../features/commerce";
import { LeadsListPage } from "../features/leads";
import { SettingsPage } from "../features/settings";
import { TrashPage } from "../features/trash";
import { DuplicatesPage } from "../features/duplicates";
import { ImportsPage } from "../features/imports";
import { AppLayout } from "./app.layout";
import { NotFoundPage } from "./not-found.page";

const router = createBrowserRouter([
  { path: "/login", element: <LoginPage /> },
  { path: "/signup", element: <SignupPage /> },
  { path: "/accept-invitation", element: <AcceptInvitationPage /> },
  {
    element: (
      <AuthGuard>
        <AppLayout />
      </AuthGuard>
    ),
    children: [
      { index: true, element: <Navigate to="/contacts" replace /> },
      { path: "contacts", element: <ContactsListPage /> },
      { path: "contacts/:id", element: <ContactRecordPage /> },
      { path: "companies", element: <CompaniesListPage /> },
      { path: "companies/:id", element: <CompanyRecordPage /> },
      { path: "deals", element: <DealsBoardPage /> },
      { path: "deals/list", element: <DealsListPage /> },
      { path: "deals/:id", element: <DealRecordPage /> },
      { path: "products", element: <ProductsPage /> },
      { path: "orders/:id", element: <OrderPage /> },
      { path: "invoices/:id", element: <InvoicePage /> },
      { path: "leads", element: <LeadsListPage /> },
      // Loaded on demand: the chart library stays out of the first download.
      { path: "forecast", lazy: () => import("../features/forecast").then((module) => ({ Component: module.ForecastPage })) },
      { path: "targets", lazy: () => import("../features/forecast").then((module) => ({ Component: module.TargetsPage })) },
      { path: "tasks", element: <MyTasksPage /> },
      { path: "imports", element: <ImportsPage /> },
      { path: "trash", element: <TrashPage /> },
      { path: "duplicates", element: <Navigate to="/duplicates/contacts" replace /> },
      { path: "duplicates/:object", element: <DuplicatesPage /> },
      { path: "settings", element: <SettingsPage /> },
      { path: "settings/:tab", element: <SettingsPage /> },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
