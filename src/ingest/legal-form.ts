/**
 * The legal form that ends a company's name ("Inc.", "LLC", "Ltd", "Corporation", "GmbH"), in ordinary case or in
 * capitals ("HALVORSEN POLYMER PRODUCTS LLC", "COLDWATER FLUID SYSTEMS, INC."), as a regex source to build on.
 */
export const LEGAL_FORM = String.raw`(?:Inc|INC|LLC|L\.L\.C|Ltd|LTD|Limited|LIMITED|Corp|CORP|Corporation|CORPORATION|Company|COMPANY|Co|CO|plc|PLC|GmbH|AG|S\.A|B\.V|N\.V|L\.P|LP|LLP)\b\.?`;
