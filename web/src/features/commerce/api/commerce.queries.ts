import type {
  BookPrices,
  CreateInvoiceInput,
  CreatePriceBookInput,
  CreateProductInput,
  CreateQuoteInput,
  Invoice,
  Order,
  OrderSummary,
  PriceBook,
  PriceBookList,
  Product,
  Quote,
  QuoteSummary,
  RecordPaymentInput,
  ReviseQuoteInput,
  SetBookPricesInput,
  UpdateProductInput,
} from "@contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, type Page } from "../../../api";

/** Products, quotes, orders and invoices: one set of hooks, since a change to one refreshes the others. */
export function useProducts(search = "", options: { isActiveOnly?: boolean } = {}) {
  return useQuery({
    queryKey: ["products", search, options.isActiveOnly ?? false],
    queryFn: ({ signal }) => api.get<Page<Product>>("/api/v1/products", { limit: 200, q: search.trim() || undefined, ...(options.isActiveOnly ? { "filter[isActive][eq]": "true" } : {}) }, signal),
    staleTime: 30_000,
  });
}

export function useSaveProduct() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: CreateProductInput | UpdateProductInput }) =>
      id ? api.patch<Product>(`/api/v1/products/${id}`, input) : api.post<Product>("/api/v1/products", input),
    // A product's list prices live in the default price book.
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: ["products"] }), client.invalidateQueries({ queryKey: ["price-books"] })]),
  });
}

export function usePriceBooks() {
  return useQuery({ queryKey: ["price-books"], queryFn: ({ signal }) => api.get<PriceBookList>("/api/v1/price-books", undefined, signal), staleTime: 30_000 });
}

export function useCreatePriceBook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreatePriceBookInput) => api.post<PriceBook>("/api/v1/price-books", input),
    onSuccess: () => client.invalidateQueries({ queryKey: ["price-books"] }),
  });
}

export function useBookPrices(priceBookId: string | null) {
  return useQuery({
    queryKey: ["price-books", priceBookId, "prices"],
    queryFn: ({ signal }) => api.get<BookPrices>(`/api/v1/price-books/${priceBookId}/prices`, undefined, signal),
    enabled: Boolean(priceBookId),
  });
}

export function useSetBookPrices() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ priceBookId, productId, input }: { priceBookId: string; productId: string; input: SetBookPricesInput }) =>
      api.put<BookPrices>(`/api/v1/price-books/${priceBookId}/prices/${productId}`, input),
    // The default book's prices are the products' list prices.
    onSuccess: (_result, { priceBookId }) =>
      Promise.all([client.invalidateQueries({ queryKey: ["price-books", priceBookId] }), client.invalidateQueries({ queryKey: ["products"] })]),
  });
}

export function useDealQuotes(dealId: string) {
  return useQuery({
    queryKey: ["quotes", "by-deal", dealId],
    queryFn: ({ signal }) => api.get<Page<QuoteSummary>>("/api/v1/quotes", { "filter[dealId][eq]": dealId, sort: "-createdAt", limit: 100 }, signal),
  });
}

export function useQuote(id: string | null) {
  return useQuery({ queryKey: ["quotes", id], queryFn: ({ signal }) => api.get<Quote>(`/api/v1/quotes/${id}`, undefined, signal), enabled: Boolean(id) });
}

function useQuoteMutation<Variables, Result>(mutationFn: (variables: Variables) => Promise<Result>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: ["quotes"] }), client.invalidateQueries({ queryKey: ["orders"] })]),
  });
}

export const useCreateQuote = () => useQuoteMutation((input: CreateQuoteInput) => api.post<Quote>("/api/v1/quotes", input));
export const useReviseQuote = () => useQuoteMutation(({ id, input }: { id: string; input: ReviseQuoteInput }) => api.post<Quote>(`/api/v1/quotes/${id}/revise`, input));
export const useSendQuote = () => useQuoteMutation(({ id, to }: { id: string; to: string }) => api.post<Quote>(`/api/v1/quotes/${id}/send`, { to }));
export const useAcceptQuote = () => useQuoteMutation((id: string) => api.post<{ orderId: string }>(`/api/v1/quotes/${id}/accept`));

export function useOrder(id: string) {
  return useQuery({ queryKey: ["orders", id], queryFn: ({ signal }) => api.get<Order>(`/api/v1/orders/${id}`, undefined, signal) });
}

export function useOrderInvoices(orderId: string) {
  return useQuery({
    queryKey: ["invoices", "by-order", orderId],
    queryFn: ({ signal }) => api.get<Page<Invoice>>("/api/v1/invoices", { "filter[orderId][eq]": orderId, limit: 100 }, signal),
  });
}

export function usePurchases(record: { type: "contact" | "company"; id: string }) {
  return useQuery({
    queryKey: ["orders", "purchases", record.type, record.id],
    queryFn: ({ signal }) => api.get<Page<OrderSummary>>(`/api/v1/${record.type === "contact" ? "contacts" : "companies"}/${record.id}/purchases`, { limit: 100 }, signal),
  });
}

export function useInvoice(id: string) {
  return useQuery({ queryKey: ["invoices", id], queryFn: ({ signal }) => api.get<Invoice>(`/api/v1/invoices/${id}`, undefined, signal) });
}

function useInvoiceMutation<Variables, Result>(mutationFn: (variables: Variables) => Promise<Result>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: ["invoices"] }), client.invalidateQueries({ queryKey: ["orders"] })]),
  });
}

export const useCreateInvoice = () => useInvoiceMutation(({ orderId, input }: { orderId: string; input: CreateInvoiceInput }) => api.post<Invoice>(`/api/v1/orders/${orderId}/invoices`, input));
export const useSendInvoice = () => useInvoiceMutation(({ id, to }: { id: string; to?: string }) => api.post<Invoice>(`/api/v1/invoices/${id}/send`, to ? { to } : {}));
export const useVoidInvoice = () => useInvoiceMutation((id: string) => api.post<Invoice>(`/api/v1/invoices/${id}/void`));
export const useRecordPayment = () => useInvoiceMutation(({ id, input }: { id: string; input: RecordPaymentInput }) => api.post<Invoice>(`/api/v1/invoices/${id}/payments`, input));
