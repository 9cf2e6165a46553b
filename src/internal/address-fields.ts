import { html, nothing } from 'lit';
import type { PortalApiError } from '../api/errors.js';
import type { Translation } from '../i18n/translation.js';
import type { AddressInput } from '../state/billing.js';

/**
 * The billing-details fields shared by `<portal-billing>` (customer details) and
 * `<portal-orders>` (an order's invoice details), with Polar's address rules
 * (server/polar/kit/address.py): supported countries only, a state for US and CA.
 */
export type DraftKey = 'billing_name' | 'line1' | 'line2' | 'postal_code' | 'city' | 'country' | 'state' | 'tax_id';
export type Draft = Record<DraftKey, string>;
export type DraftErrors = Partial<Record<DraftKey, string>>;

/** Longest value a field takes; longer input gets a message instead of a silent cut. */
export const MAX_LENGTH = 256;
const STREET: DraftKey[] = ['line1', 'line2', 'postal_code', 'city'];
const ADDRESS: DraftKey[] = [...STREET, 'country', 'state'];

/** Polar's CountryAlpha2Input: every ISO country but the embargoed CU, IR, KP, RU, SY. */
const COUNTRIES =
  'ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZCACCCDCFCGCHCICKCLCMCNCOCRCVCWCXCYCZDEDJDKDMDODZECEEEGEHERESETFIFJFKFMFOFRGAGBGDGEGFGGGHGIGLGMGNGPGQGRGSGTGUGWGYHKHMHNHRHTHUIDIEILIMINIOIQISITJEJMJOJPKEKGKHKIKMKNKRKWKYKZLALBLCLILKLRLSLTLULVLYMAMCMDMEMFMGMHMKMLMMMNMOMPMQMRMSMTMUMVMWMXMYMZNANCNENFNGNINLNONPNRNUNZOMPAPEPFPGPHPKPLPMPNPRPSPTPWPYQARERORSRWSASBSCSDSESGSHSISJSKSLSMSNSOSRSSSTSVSXSZTCTDTFTGTHTJTKTLTMTNTOTRTTTVTWTZUAUGUMUSUYUZVAVCVEVGVIVNVUWFWSYEYTZAZMZW'.match(
    /../g,
  )!;
/**
 * Polar's USState and CASubdivision, sent as `US-OR`, `CA-QC`: code and name, in the order of
 * the names. Shown by name ("Oregon"), as people pick them.
 */
const STATES: Record<string, string> = {
  US: 'AL Alabama|AK Alaska|AZ Arizona|AR Arkansas|CA California|CO Colorado|CT Connecticut|DE Delaware|DC District of Columbia|FL Florida|GA Georgia|HI Hawaii|ID Idaho|IL Illinois|IN Indiana|IA Iowa|KS Kansas|KY Kentucky|LA Louisiana|ME Maine|MD Maryland|MA Massachusetts|MI Michigan|MN Minnesota|MS Mississippi|MO Missouri|MT Montana|NE Nebraska|NV Nevada|NH New Hampshire|NJ New Jersey|NM New Mexico|NY New York|NC North Carolina|ND North Dakota|OH Ohio|OK Oklahoma|OR Oregon|PA Pennsylvania|RI Rhode Island|SC South Carolina|SD South Dakota|TN Tennessee|TX Texas|UT Utah|VT Vermont|VA Virginia|WA Washington|WV West Virginia|WI Wisconsin|WY Wyoming',
  CA: 'AB Alberta|BC British Columbia|MB Manitoba|NB New Brunswick|NL Newfoundland and Labrador|NT Northwest Territories|NS Nova Scotia|NU Nunavut|ON Ontario|PE Prince Edward Island|QC Quebec|SK Saskatchewan|YT Yukon',
};

const countryNames = new Map<string, [string, string][]>();
function countries(locale: string): [string, string][] {
  let list = countryNames.get(locale);
  if (!list) {
    let names: Intl.DisplayNames | undefined;
    try {
      names = new Intl.DisplayNames([locale, 'en'], { type: 'region' });
    } catch {
      // an unknown locale tag: codes alone
    }
    list = COUNTRIES.map((c): [string, string] => [c, names?.of(c) ?? c]).sort((a, b) => a[1].localeCompare(b[1], locale));
    countryNames.set(locale, list);
  }
  return list;
}

export const needsState = (country: string) => country in STATES;

/** A draft from saved details: a customer's or an order's. */
export function draftOf(name: string | null | undefined, a: { [K in keyof AddressInput]?: string | null } | null | undefined, taxId?: string | null): Draft {
  return {
    billing_name: name ?? '',
    line1: a?.line1 ?? '',
    line2: a?.line2 ?? '',
    postal_code: a?.postal_code ?? '',
    city: a?.city ?? '',
    country: a?.country ?? '',
    state: a?.state?.replace(/^(US|CA)-/, '') ?? '',
    tax_id: taxId ?? '',
  };
}

/** The AddressInput to send; empty fields as null (Polar turns "" into null anyway). */
export function addressOf(d: Draft): AddressInput {
  const v = (k: DraftKey) => d[k].trim() || null;
  return {
    line1: v('line1'),
    line2: v('line2'),
    postal_code: v('postal_code'),
    city: v('city'),
    state: needsState(d.country) && d.state ? `${d.country}-${d.state}` : null,
    country: d.country as AddressInput['country'],
  };
}

/** What the user must fix before sending; `required` lists the fields that must not be empty. */
export function checkDraft(t: Translation, d: Draft, required: DraftKey[]): DraftErrors {
  const errors: DraftErrors = {};
  const anyAddress = ADDRESS.some((k) => d[k].trim());
  // A country alone is a valid billing address (it sets the tax); a street address is whole or absent.
  const street = STREET.some((k) => d[k].trim());
  for (const k of Object.keys(d) as DraftKey[]) {
    if (d[k].length > MAX_LENGTH) errors[k] = t.tooLong(MAX_LENGTH);
    else if (!d[k].trim() && (required.includes(k) || (k === 'country' && anyAddress) || (street && (k === 'line1' || k === 'city')))) errors[k] = t.fieldRequired;
  }
  if (needsState(d.country) && !d.state) errors.state = t.stateRequired;
  return errors;
}

/** Polar's 422 field errors (`billing_address.postal_code`, `tax_id`, ...) on the draft's fields. */
export function serverErrors(error: PortalApiError): DraftErrors {
  const errors: DraftErrors = {};
  for (const [loc, message] of Object.entries(error.fieldErrors)) {
    // Address-level errors (Polar's model validator) concern the state or the country.
    const key = loc === 'billing_address' ? (/state|subdivision/i.test(message) ? 'state' : 'country') : loc.replace('billing_address.', '');
    errors[key as DraftKey] ??= message;
  }
  return errors;
}

export interface FieldsOptions {
  t: Translation;
  locale: string;
  draft: Draft;
  errors: DraftErrors;
  onInput: (key: DraftKey, value: string) => void;
  /** Fields shown but not editable (an order's country and state, fixed by its tax). */
  locked?: DraftKey[];
  taxId?: boolean;
}

/** Name, address lines, postal code, city, country, state (US/CA) and, optionally, tax ID. */
export function renderFields(o: FieldsOptions) {
  const { t, draft, errors } = o;
  const control = (key: DraftKey) => ({
    id: `f-${key}`,
    invalid: errors[key] ? 'true' : 'false',
    describedby: `f-${key}-e`,
    disabled: !!o.locked?.includes(key),
    input: (e: Event) => o.onInput(key, (e.target as HTMLInputElement).value),
  });
  const error = (key: DraftKey) =>
    html`<p id="f-${key}-e" class="error" part="error" ?hidden=${!errors[key]}>${errors[key] ?? ''}</p>`;
  const text = (key: DraftKey, autocomplete: string) => {
    const c = control(key);
    return html`<div class="field">
      <label for=${c.id}>${t.billingField(key)}</label>
      <input id=${c.id} type="text" part="input" autocomplete=${autocomplete} .value=${draft[key]}
        aria-invalid=${c.invalid} aria-describedby=${c.describedby} ?disabled=${c.disabled} @input=${c.input} />
      ${error(key)}
    </div>`;
  };
  const select = (key: 'country' | 'state', options: [string, string][], autocomplete: string) => {
    const c = control(key);
    return html`<div class="field">
      <label for=${c.id}>${t.billingField(key)}</label>
      <select id=${c.id} part="input" autocomplete=${autocomplete} aria-invalid=${c.invalid} aria-describedby=${c.describedby}
        ?disabled=${c.disabled} @change=${c.input}>
        <option value="" ?selected=${!draft[key]}>${t.choose}</option>
        ${options.map(([code, name]) => html`<option value=${code} ?selected=${draft[key] === code}>${name}</option>`)}
      </select>
      ${error(key)}
    </div>`;
  };
  const states = STATES[draft.country]?.split('|').map((s): [string, string] => [s.slice(0, 2), s.slice(3)]);
  return html`
    ${text('billing_name', 'organization')}
    <fieldset class="address">
      <legend>${t.billingAddress}</legend>
      ${text('line1', 'address-line1')} ${text('line2', 'address-line2')}
      <div class="pair">${text('postal_code', 'postal-code')} ${text('city', 'address-level2')}</div>
      ${select('country', countries(o.locale), 'country')}
      ${states ? select('state', states, 'address-level1') : nothing}
    </fieldset>
    ${o.taxId ? text('tax_id', 'off') : nothing}
  `;
}
