import { invalidInput, notFound } from '../errors.js';
import { categoryByName } from '../world/categories.js';
import { marketplaceById } from '../world/marketplaces.js';
import { type OperationRequest, type OperationResult, stringList } from './operation.js';

/** Stable fake browse-node id for a subcategory. */
function subClassificationId(parentId: string, index: number): string {
  return `${parentId}${String(index + 1).padStart(2, '0')}`;
}

/**
 * Catalog Items 2022-04-01 `getCatalogItem`, filling `summaries` and `classifications` (the display
 * group and browse node the product's category is resolved from); other datasets are left out.
 */
export function getCatalogItem(request: OperationRequest): OperationResult {
  const asin = String(request.params.asin);
  const marketplaceIds = stringList(request.params.marketplaceIds) ?? [];
  for (const id of marketplaceIds) {
    if (marketplaceById(id) === undefined)
      throw invalidInput(`Invalid marketplaceIds: ${id} is not a marketplace.`, 'marketplaceIds');
  }
  const product = request.world.catalogProduct(asin);
  if (product === undefined) {
    throw notFound(`Requested item '${asin}' not found in marketplace(s) ${marketplaceIds.join(',')}.`, asin);
  }
  const included = new Set(stringList(request.params.includedData) ?? ['summaries']);
  const category = categoryByName(product.category);
  const top = { displayName: product.category, classificationId: category?.classificationId ?? '0' };
  // Deterministic leaf node from the ASIN so the same product always sits under the same node.
  const subIndex =
    category === undefined
      ? 0
      : [...asin].reduce((n, c) => n + c.charCodeAt(0), 0) % category.subcategories.length;
  const leaf = {
    displayName: category?.subcategories[subIndex] ?? product.category,
    classificationId: subClassificationId(top.classificationId, subIndex),
    parent: top,
  };
  const item: Record<string, unknown> = { asin };
  if (included.has('classifications')) {
    item.classifications = marketplaceIds.map((marketplaceId) => ({
      marketplaceId,
      classifications: [leaf],
    }));
  }
  if (included.has('summaries')) {
    item.summaries = marketplaceIds.map((marketplaceId) => ({
      marketplaceId,
      itemName: product.title,
      browseClassification: { displayName: leaf.displayName, classificationId: leaf.classificationId },
      itemClassification: 'BASE_PRODUCT',
      websiteDisplayGroup: category?.displayGroup ?? 'misc_display_on_website',
      websiteDisplayGroupName: category?.displayGroupName ?? 'Misc',
    }));
  }
  return { status: 200, body: item };
}
