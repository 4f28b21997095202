import { CreateProductInput, formatMoney, type Product } from "@contracts";
import { Badge, Button, Checkbox, Group, Modal, Stack, Table, Tabs, TextInput, Textarea, Title } from "@mantine/core";
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { EmptyState, notifyProblem, notifySuccess, ProblemAlert, problemFieldErrors } from "../../ui";
import { useCan } from "../auth";
import { useProducts, useSaveProduct } from "./api/commerce.queries";
import { PriceBooksPanel } from "./price-books.panel";
import { PricesEditor, toPriceRows, toProductPrices, type PriceRow } from "./prices.editor";

/** The product catalogue and its price books, one tab each. */
export function ProductsPage() {
  const { t } = useTranslation();
  return (
    <Stack maw={1100}>
      <Title order={2}>{t("commerce.product.title")}</Title>
      <Tabs defaultValue="products" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="products">{t("commerce.product.tab")}</Tabs.Tab>
          <Tabs.Tab value="price-books">{t("commerce.priceBook.tab")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="products" pt="md">
          <ProductsCatalogue />
        </Tabs.Panel>
        <Tabs.Panel value="price-books" pt="md">
          <PriceBooksPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

/** Every product with its list prices; admins add and edit them. */
function ProductsCatalogue() {
  const { t } = useTranslation();
  const can = useCan();
  const [search, setSearch] = useState("");
  const products = useProducts(search);
  const [editing, setEditing] = useState<Product | "new" | null>(null);
  const canConfigure = can("sales:configure");

  return (
    <Stack>
      <Group justify="space-between">
        <TextInput placeholder={t("commerce.product.search")} aria-label={t("commerce.product.search")} value={search} onChange={(event) => setSearch(event.currentTarget.value)} w={360} maw="100%" />
        {canConfigure ? <Button onClick={() => setEditing("new")}>{t("commerce.product.new")}</Button> : null}
      </Group>
      {products.error ? <ProblemAlert error={products.error} onRetry={() => void products.refetch()} /> : null}
      {products.data && products.data.data.length === 0 ? (
        <EmptyState title={search ? t("commerce.product.noMatch") : t("commerce.product.empty")} description={canConfigure && !search ? t("commerce.product.emptyHelp") : undefined} />
      ) : null}
      {products.data && products.data.data.length > 0 ? (
        <Table.ScrollContainer minWidth={700}>
          <Table striped highlightOnHover verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("commerce.product.sku")}</Table.Th>
                <Table.Th>{t("commerce.product.name")}</Table.Th>
                <Table.Th>{t("commerce.product.prices")}</Table.Th>
                <Table.Th ta="right">{t("commerce.line.taxRate")}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {products.data.data.map((product) => (
                <Table.Tr key={product.id}>
                  <Table.Td>{product.sku}</Table.Td>
                  <Table.Td>
                    {product.name} {product.isActive ? null : <Badge color="gray" variant="light">{t("commerce.product.inactive")}</Badge>}
                  </Table.Td>
                  <Table.Td>{product.prices.map((price) => formatMoney(price.unitPrice, price.currency)).join(" · ")}</Table.Td>
                  <Table.Td ta="right">{product.taxRate}</Table.Td>
                  <Table.Td ta="right">{canConfigure ? <Button size="compact-xs" variant="default" onClick={() => setEditing(product)}>{t("common.edit")}</Button> : null}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <ProductModal product={editing === "new" ? null : editing} isOpen={editing !== null} onClose={() => setEditing(null)} />
    </Stack>
  );
}

function ProductModal(props: { product: Product | null; isOpen: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const saveProduct = useSaveProduct();
  const [values, setValues] = useState({ sku: "", name: "", description: "", taxRate: "0", isActive: true });
  const [prices, setPrices] = useState<PriceRow[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    if (!props.isOpen) return;
    const product = props.product;
    setValues({ sku: product?.sku ?? "", name: product?.name ?? "", description: product?.description ?? "", taxRate: product?.taxRate ?? "0", isActive: product?.isActive ?? true });
    setPrices(toPriceRows(product?.prices ?? []));
    setErrors({});
  }, [props.isOpen, props.product]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = {
      sku: values.sku.trim(),
      name: values.name.trim(),
      description: values.description.trim() || null,
      taxRate: values.taxRate.trim() || "0",
      isActive: values.isActive,
      prices: toProductPrices(prices),
    };
    const parsed = CreateProductInput.safeParse(input);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.map(String).join("."), issue.message])));
      return;
    }
    saveProduct.mutate(
      { id: props.product?.id, input: parsed.data },
      {
        onSuccess: () => {
          notifySuccess(t("commerce.product.saved"));
          props.onClose();
        },
        onError: (error) => {
          setErrors(problemFieldErrors(error));
          notifyProblem(error);
        },
      },
    );
  }

  return (
    <Modal opened={props.isOpen} onClose={props.onClose} title={props.product ? t("commerce.product.edit") : t("commerce.product.new")} size="lg" centered>
      <form onSubmit={submit} noValidate data-testid="product-form">
        <Stack>
          <Group grow>
            <TextInput label={t("commerce.product.sku")} required value={values.sku} onChange={(event) => setValues({ ...values, sku: event.currentTarget.value })} error={errors.sku} data-autofocus />
            <TextInput label={t("commerce.line.taxRate")} inputMode="decimal" value={values.taxRate} onChange={(event) => setValues({ ...values, taxRate: event.currentTarget.value })} error={errors.taxRate} />
          </Group>
          <TextInput label={t("commerce.product.name")} required value={values.name} onChange={(event) => setValues({ ...values, name: event.currentTarget.value })} error={errors.name} />
          <Textarea label={t("commerce.product.description")} autosize minRows={2} value={values.description} onChange={(event) => setValues({ ...values, description: event.currentTarget.value })} error={errors.description} />
          <Checkbox label={t("commerce.product.active")} checked={values.isActive} onChange={(event) => setValues({ ...values, isActive: event.currentTarget.checked })} />
          <PricesEditor label={t("commerce.product.prices")} rows={prices} onChange={setPrices} errors={errors} />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>{t("common.cancel")}</Button>
            <Button type="submit" loading={saveProduct.isPending}>{t("common.save")}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
