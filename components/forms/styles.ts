/**
 * The class strings every form control shares, in one place (Tailwind needs them written out in
 * full to find them). Fields, filter bars and tables import these instead of repeating them.
 */

/** A full-width text input, select or textarea in a form. */
export const inputClass =
  "mt-1 block w-full rounded border border-gray-400 bg-white px-3 py-2 text-base text-gray-900 focus:border-blue-800 focus:outline-none focus:ring-2 focus:ring-blue-700 aria-[invalid=true]:border-red-700";

/** The same control where it should be as wide as its content (filters, a date beside a button). */
export const inlineInputClass =
  "mt-1 block rounded border border-gray-400 bg-white px-3 py-2 text-base text-gray-900 focus:border-blue-800 focus:outline-none focus:ring-2 focus:ring-blue-700 aria-[invalid=true]:border-red-700";

/** A small control inside a table row or a filter bar. */
export const compactInputClass =
  "rounded border border-gray-400 bg-white px-2 py-1 text-sm text-gray-900 focus:border-blue-800 focus:outline-none focus:ring-2 focus:ring-blue-700 aria-[invalid=true]:border-red-700";

export const fileInputClass = "mt-1 block text-sm";
export const labelClass = "block text-sm font-medium text-gray-900";
export const legendClass = "text-sm font-medium text-gray-900";
export const hintClass = "mt-1 text-sm text-gray-700";
export const errorClass = "mt-1 text-sm text-red-700";
export const fieldClass = "mb-4";

const buttonBase =
  "inline-block shrink-0 rounded whitespace-nowrap text-sm font-medium focus:outline-none focus:ring-2 focus:ring-blue-700 focus:ring-offset-2 disabled:opacity-60 hover:no-underline";

/**
 * Buttons and the links that look like them. The primary action is in the site's red (the brand
 * colour of the header) on every page, public and console; a destructive one is outlined, so the two
 * are told apart by more than shade.
 */
export const buttonClass = {
  primary: `${buttonBase} bg-red-800 px-4 py-2 text-white hover:bg-red-900`,
  secondary: `${buttonBase} border border-gray-500 bg-white px-4 py-2 text-gray-900 hover:bg-gray-100`,
  danger: `${buttonBase} border-2 border-red-800 bg-white px-4 py-2 text-red-800 hover:bg-red-50`,
  /** A light outline for a removal inside a list or a row. */
  dangerOutline: `${buttonBase} border border-red-700 bg-white px-3 py-1 text-red-800 hover:bg-red-50`,
  /** The plain button of a GET filter form. */
  filter: `${buttonBase} border border-gray-500 bg-white px-3 py-1 font-normal text-gray-900 hover:bg-gray-100`,
} as const;

export type ButtonVariant = keyof typeof buttonClass;
