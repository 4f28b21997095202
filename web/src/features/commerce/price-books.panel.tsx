import { CreatePriceBookInput, formatMoney, SetBookPricesInput, type BookPrices, type PriceBook, type ProductPrice } from "@contracts";
import { Badge, Button, Grid, Group, Modal, NavLink, Select, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { EmptyState, notifyProblem, notifySuccess, ProblemAlert, problemFieldErrors } from "../../ui";
import { useCan } from "../auth";
import { useBookPrices, useCreatePriceBook, usePriceBooks, useProducts, useSetBookPrices } from "./api/commerce.queries";
import { PricesEditor, toPriceRows, toProductPrices, type PriceRow } from "./prices.editor";

interface ProductInBook {
  productId: string;
  sku: string;
  name: string;
  prices: ProductPrice[];
}

/** The book's rows (one per product and currency) gathered per product, in the server's order. */
function groupByProduct(rows: BookPrices["data"]): ProductInBook[] {
  const products = new Map<string, ProductInBook>();
  for (const row of rows) {
    const product = products.get(row.productId) ?? { productId: row.productId, sku: row.sku, name: row.name, prices: [] };
    product.prices.push({ currency: row.currency, unitPrice: row.unitPrice });
    products.set(row.productId, product);
  }
  return [...products.values()];
}

/** Price books: the default one holds the list prices; others hold prices for particular customers or markets. */
export function PriceBooksPanel() {
  const { t } = useTranslation();
  const canConfigure = useCan()("sales:configure");
  const books = usePriceBooks();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const bookList = books.data?.data ?? [];
  const selected = bookList.find((book) => book.id === selectedId) ?? bookList.find((book) => book.isDefault) ?? bookList[0] ?? null;

  return (
    <Stack>
      {canConfigure ? <NewPriceBookForm onCreated={(book) => setSelectedId(book.id)} /> : null}
      {books.error ? <ProblemAlert error={books.error} onRetry={() => void books.refetch()} /> : null}
      {books.data && bookList.length === 0 ? <EmptyState title={t("commerce.priceBook.empty")} description={canConfigure ? t("commerce.priceBook.emptyHelp") : undefined} /> : null}
      {selected ? (
        <Grid>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <Stack gap={2} component="nav" aria-label={t("commerce.priceBook.tab")}>
              {bookList.map((book) => (
                <NavLink
                  key={book.id}
                  component="button"
                  active={book.id === selected.id}
                  aria-current={book.id === selected.id ? "true" : undefined}
                  label={book.name}
                  rightSection={<PriceBookBadges book={book} />}
                  onClick={() => setSelectedId(book.id)}
                />
              ))}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 8 }}>
            <BookPricesView book={selected} canConfigure={canConfigure} />
          </Grid.Col>
        </Grid>
      ) : null}
    </Stack>
  );
}

function PriceBookBadges(props: { book: PriceBook }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      {props.book.isDefault ? <Badge variant="light">{t("commerce.priceBook.default")}</Badge> : null}
      <Badge variant="light" color={props.book.isActive ? "green" : "gray"}>{props.book.isActive ? t("commerce.priceBook.active") : t("commerce.priceBook.inactive")}</Badge>
    </Group>
  );
}

function NewPriceBookForm(props: { onCreated: (book: PriceBook) => void }) {
  const { t } = useTranslation();
  const createPriceBook = useCreatePriceBook();
  const [name, setName] = useState("");
  const [error, setError] = useState<string | undefined>();

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = CreatePriceBookInput.safeParse({ name });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message);
      return;
    }
    createPriceBook.mutate(parsed.data, {
      onSuccess: (book) => {
        notifySuccess(t("commerce.priceBook.created"));
        setName("");
        setError(undefined);
        props.onCreated(book);
      },
      onError: (failure) => {
        setError(problemFieldErrors(failure).name);
        notifyProblem(failure);
      },
    });
  }

  return (
    <form onSubmit={submit} noValidate data-testid="price-book-form">
      <Group align="flex-start">
        <TextInput aria-label={t("commerce.priceBook.name")} placeholder={t("commerce.priceBook.namePlaceholder")} value={name} onChange={(event) => setName(event.currentTarget.value)} error={error} w={360} maw="100%" />
        <Button type="submit" loading={createPriceBook.isPending}>{t("commerce.priceBook.new")}</Button>
      </Group>
    </form>
  );
}

function BookPricesView(props: { book: PriceBook; canConfigure: boolean }) {
  const { t } = useTranslation();
  const prices = useBookPrices(props.book.id);
  const products = useMemo(() => groupByProduct(prices.data?.data ?? []), [prices.data]);
  const [editing, setEditing] = useState<ProductInBook | "new" | null>(null);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{props.book.name}</Title>
        {props.canConfigure ? <Button variant="default" onClick={() => setEditing("new")}>{t("commerce.priceBook.setPrices")}</Button> : null}
      </Group>
      {prices.error ? <ProblemAlert error={prices.error} onRetry={() => void prices.refetch()} /> : null}
      {prices.data && products.length === 0 ? <EmptyState title={t("commerce.priceBook.noPrices")} description={props.canConfigure ? t("commerce.priceBook.noPricesHelp") : undefined} /> : null}
      {products.length > 0 ? (
        <Table.ScrollContainer minWidth={500}>
          <Table striped highlightOnHover verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("commerce.product.sku")}</Table.Th>
                <Table.Th>{t("commerce.product.name")}</Table.Th>
                <Table.Th>{t("commerce.priceBook.prices")}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {products.map((product) => (
                <Table.Tr key={product.productId}>
                  <Table.Td>{product.sku}</Table.Td>
                  <Table.Td>{product.name}</Table.Td>
                  <Table.Td>{product.prices.map((price) => formatMoney(price.unitPrice, price.currency)).join(" · ")}</Table.Td>
                  <Table.Td ta="right">
                    {props.canConfigure ? <Button size="compact-xs" variant="default" onClick={() => setEditing(product)}>{t("common.edit")}</Button> : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {editing === null ? null : <BookPricesModal book={props.book} product={editing === "new" ? null : editing} productsInBook={products} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

/**
 * Sets one product's prices in the book; the rows replace the ones it had there, and none takes it out of the book.
 * Mounted only while open, so its state starts from the props and a refetch of the book never wipes what is being typed.
 */
function BookPricesModal(props: { book: PriceBook; product: ProductInBook | null; productsInBook: ProductInBook[]; onClose: () => void }) {
  const { t } = useTranslation();
  const catalogue = useProducts("");
  const setBookPrices = useSetBookPrices();
  const { product, productsInBook } = props;
  const [productId, setProductId] = useState<string | null>(product?.productId ?? null);
  const [rows, setRows] = useState<PriceRow[]>(() => toPriceRows(product?.prices ?? []));
  const [errors, setErrors] = useState<Record<string, string>>({});

  function chooseProduct(id: string | null) {
    setProductId(id);
    // A product already in the book starts from its current prices there.
    setRows(toPriceRows(productsInBook.find((entry) => entry.productId === id)?.prices ?? []));
    setErrors({});
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = SetBookPricesInput.safeParse({ prices: toProductPrices(rows) });
    const fieldErrors: Record<string, string> = parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.map(String).join("."), issue.message]));
    if (!productId) fieldErrors.productId = t("commerce.priceBook.chooseProduct");
    if (!parsed.success || !productId) {
      setErrors(fieldErrors);
      return;
    }
    setBookPrices.mutate(
      { priceBookId: props.book.id, productId, input: parsed.data },
      {
        onSuccess: () => {
          notifySuccess(t("commerce.priceBook.saved"));
          props.onClose();
        },
        onError: (error) => {
          setErrors(problemFieldErrors(error));
          notifyProblem(error);
        },
      },
    );
  }

  const productOptions = (catalogue.data?.data ?? []).map((entry) => ({ value: entry.id, label: `${entry.sku} · ${entry.name}` }));

  return (
    <Modal opened onClose={props.onClose} title={t("commerce.priceBook.pricesTitle", { name: props.book.name })} size="lg" centered>
      <form onSubmit={submit} noValidate data-testid="book-prices-form">
        <Stack>
          {product ? (
            <Text fw={600}>{`${product.sku} · ${product.name}`}</Text>
          ) : (
            <Select
              label={t("commerce.line.product")}
              required
              searchable
              data={productOptions}
              value={productId}
              onChange={chooseProduct}
              nothingFoundMessage={t("commerce.product.noMatch")}
              error={errors.productId}
              data-autofocus
            />
          )}
          {catalogue.error && !product ? <ProblemAlert error={catalogue.error} onRetry={() => void catalogue.refetch()} /> : null}
          <PricesEditor label={t("commerce.priceBook.prices")} rows={rows} onChange={setRows} errors={errors} />
          {rows.length === 0 ? <Text c="dimmed" size="sm">{t("commerce.priceBook.noRowsHelp")}</Text> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>{t("common.cancel")}</Button>
            <Button type="submit" loading={setBookPrices.isPending}>{t("common.save")}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
