/** A top-level category as the Catalog Items API presents it for a product. */
export interface CategoryDefinition {
  /** Top browse-node display name, also the category ShipConfirm groups VTR by. */
  name: string;
  /** Made-up but stable browse node id of the top-level node. */
  classificationId: string;
  /** `websiteDisplayGroup` of the Catalog Items summary. */
  displayGroup: string;
  /** `websiteDisplayGroupName`. */
  displayGroupName: string;
  /** Sub-nodes used as the leaf classification of a product. */
  subcategories: readonly string[];
  /** Nouns product titles are made from. */
  nouns: readonly string[];
  /** Unit price range in GBP. */
  priceRange: readonly [number, number];
}

export const CATEGORIES: readonly CategoryDefinition[] = [
  {
    name: 'Home & Kitchen',
    classificationId: '3146281',
    displayGroup: 'home_display_on_website',
    displayGroupName: 'Home',
    subcategories: ['Cookware', 'Kitchen Storage', 'Bedding'],
    nouns: ['Frying Pan', 'Storage Jar Set', 'Cotton Duvet Cover', 'Chopping Board', 'Tea Towels'],
    priceRange: [6, 60],
  },
  {
    name: 'Toys & Games',
    classificationId: '468292',
    displayGroup: 'toy_display_on_website',
    displayGroupName: 'Toy',
    subcategories: ['Puzzles', 'Board Games', 'Building Sets'],
    nouns: ['Jigsaw Puzzle 1000 Pieces', 'Family Board Game', 'Building Blocks Set', 'Plush Bear'],
    priceRange: [5, 45],
  },
  {
    name: 'Sports & Outdoors',
    classificationId: '318949011',
    displayGroup: 'sports_display_on_website',
    displayGroupName: 'Sports',
    subcategories: ['Fitness', 'Camping', 'Cycling'],
    nouns: ['Yoga Mat', 'Resistance Bands', 'Camping Lantern', 'Bike Light Set', 'Water Bottle'],
    priceRange: [8, 70],
  },
  {
    name: 'Beauty',
    classificationId: '117332031',
    displayGroup: 'beauty_display_on_website',
    displayGroupName: 'Beauty',
    subcategories: ['Skin Care', 'Hair Care', 'Fragrance'],
    nouns: ['Face Moisturiser', 'Argan Hair Oil', 'Eau de Toilette', 'Lip Balm Trio'],
    priceRange: [4, 40],
  },
  {
    name: 'Books',
    classificationId: '266239',
    displayGroup: 'book_display_on_website',
    displayGroupName: 'Book',
    subcategories: ['Cookery', 'Crime Fiction', "Children's Books"],
    nouns: ['Paperback Cookbook', 'Crime Novel', 'Picture Book', 'Travel Guide'],
    priceRange: [5, 25],
  },
  {
    name: 'Electronics',
    classificationId: '560798',
    displayGroup: 'ce_display_on_website',
    displayGroupName: 'Electronics',
    subcategories: ['Headphones', 'Chargers', 'Cables'],
    nouns: ['Wireless Earbuds', 'USB-C Charger 65W', 'HDMI Cable 2m', 'Bluetooth Speaker'],
    priceRange: [7, 90],
  },
];

export function categoryByName(name: string): CategoryDefinition | undefined {
  return CATEGORIES.find((c) => c.name === name);
}
