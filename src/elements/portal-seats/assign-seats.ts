import { html, nothing, type ReactiveController, type ReactiveElement } from 'lit';
import { PortalApiError } from '../../api/errors.js';
import { errorMessage } from '../../internal/error-message.js';
import { formatList } from '../../internal/format.js';
import type { ElementContext } from '../../internal/portal-element.js';
import { assignSeat, parseEmails, refreshSeats, type SeatsList, type SeatTarget } from '../../state/seats.js';
import { seatDetail } from './seat-rows.js';

type Outcome = 'assigned' | 'already' | 'invalid' | 'noSeat' | 'failed';
interface Result {
  email: string;
  outcome: Outcome;
  message?: string;
}

interface AssignState {
  draft: string;
  results: Result[];
  progress?: [done: number, total: number];
  /** The session ended mid-way: the rest is kept for after sign-in. */
  keptForSignIn: boolean;
}

/** What the assign flow needs from `<portal-seats>`, read fresh each time. */
export interface AssignHost extends ElementContext {
  target: SeatTarget | undefined;
  list: SeatsList | undefined;
  /** Lower-cased addresses that already hold a seat. */
  held(): Set<string>;
}

/**
 * Assigning seats to many addresses at once: the pasted text is checked address by address,
 * at most the free seats are sent, one request at a time, each with its outcome. What was not
 * sent stays in the box, across failures, closing the dialog and a session that ends.
 */
export class AssignSeats implements ReactiveController {
  /** The box (what has not been sent yet), each address's outcome, and the run in progress. */
  #s: AssignState = { draft: '', results: [], keptForSignIn: false };
  #stop = false;

  readonly #host: ReactiveElement;
  readonly #context: () => AssignHost;

  constructor(host: ReactiveElement, context: () => AssignHost) {
    this.#host = host;
    this.#context = context;
    host.addController(this);
  }

  /** True when a session ended mid-way and the unsent addresses wait in the box. */
  get kept(): boolean {
    return this.#s.keptForSignIn;
  }

  /** The dialog closed: a run in progress stops after the address being sent. */
  cancel(): void {
    this.#stop = true;
  }

  hostDisconnected(): void {
    this.#stop = true;
  }

  /** The dialog opens again: what is in the box stays, the last run's results go. */
  open(): void {
    this.#change({ results: [], keptForSignIn: false });
  }

  #change(patch: Partial<AssignState>): void {
    this.#s = { ...this.#s, ...patch };
    this.#host.requestUpdate();
  }

  /** Checks every address, sends at most the free seats, one request at a time. */
  async submit(event: Event): Promise<void> {
    event.preventDefault();
    const { scope, list, held } = this.#context();
    if (!scope || !list || this.#s.progress) return;
    const { emails, invalid } = parseEmails(this.#s.draft);
    const holding = held();
    const fresh = emails.filter((e) => !holding.has(e.toLowerCase()));
    const send = fresh.slice(0, list.available_seats);
    this.#stop = false;
    this.#change({
      results: [
        ...invalid.map((email): Result => ({ email, outcome: 'invalid' })),
        ...emails.filter((e) => holding.has(e.toLowerCase())).map((email): Result => ({ email, outcome: 'already' })),
        ...fresh.slice(send.length).map((email): Result => ({ email, outcome: 'noSeat' })),
      ],
      draft: [...invalid, ...fresh].join('\n'),
      keptForSignIn: false,
    });
    for (let i = 0; i < send.length && !this.#stop; i++) {
      this.#change({ progress: [i, send.length] });
      if (!(await this.#assignOne(send[i]))) {
        // The server has no seat left: the rest are not sent either, and say so.
        if (this.#s.results.at(-1)?.outcome === 'noSeat') {
          this.#change({ results: [...this.#s.results, ...send.slice(i + 1).map((email): Result => ({ email, outcome: 'noSeat' }))] });
        }
        break;
      }
    }
    this.#change({ progress: undefined });
  }

  async #retry(email: string): Promise<void> {
    if (this.#s.progress) return;
    this.#change({ progress: [0, 1] });
    await this.#assignOne(email);
    this.#change({ progress: undefined });
  }

  /** One address; false when the rest should wait (no seat, session over, refused, throttled). */
  async #assignOne(email: string): Promise<boolean> {
    const c = this.#context();
    const { scope, target } = c;
    if (!scope || !target || !c.signedIn) return false;
    let result: Result = { email, outcome: 'assigned' };
    let go = true;
    try {
      const seat = await assignSeat(scope, target, email);
      c.emit('portal-seat-assigned', seatDetail(seat, email));
    } catch (error) {
      const e = error instanceof PortalApiError ? error : undefined;
      const code = e?.code;
      result =
        code === 'SeatAlreadyAssigned'
          ? { email, outcome: 'already' }
          : code === 'SeatNotAvailable'
            ? { email, outcome: 'noSeat' }
            : e?.status === 422 || code === 'InvalidSeatAssignmentRequest' || code === 'MemberEmailMismatch'
              ? { email, outcome: 'invalid', message: e?.message }
              : { email, outcome: 'failed', message: errorMessage(c.t, error) };
      if (e?.status === 401) this.#change({ keptForSignIn: true });
      if (code === 'SeatNotAvailable' || code === 'SeatAlreadyAssigned') refreshSeats(scope, target);
      go = code !== 'SeatNotAvailable' && ![401, 403, 429].includes(e?.status ?? 0);
    }
    const sent = result.outcome === 'assigned' || result.outcome === 'already';
    this.#change({
      draft: sent ? this.#s.draft.split('\n').filter((line) => line.trim().toLowerCase() !== email.toLowerCase()).join('\n') : this.#s.draft,
      results: [...this.#s.results.filter((r) => r.email !== email), result],
    });
    return go;
  }

  /** The dialog's form; `close` closes the dialog. */
  render(list: SeatsList, close: () => void) {
    const { t, held, locale } = this.#context();
    const { emails, invalid } = parseEmails(this.#s.draft);
    const holding = held();
    const fresh = emails.filter((e) => !holding.has(e.toLowerCase())).length;
    const fit = Math.min(fresh, list.available_seats);
    const [done, total] = this.#s.progress ?? [0, 0];
    const progress = t.seatsProgress(done + 1, total);
    // Each bad address is named once: in the results after a run, in the live check before.
    const reported = new Set(this.#s.results.map((r) => r.email));
    const unreported = invalid.filter((e) => !reported.has(e));
    // Everything sent and nothing left to do: the dialog's job is done.
    const finished = !this.#s.progress && this.#s.results.length > 0 && !this.#s.draft.trim();
    return html`<form part="form" novalidate @submit=${(e: Event) => this.submit(e)}>
      <h2 id="assign-h">${t.seatsAssign}</h2>
      <div class="field">
        <label for="emails">${t.seatsEmails}</label>
        <textarea
          id="emails"
          rows="4"
          spellcheck="false"
          .value=${this.#s.draft}
          ?readonly=${!!this.#s.progress}
          aria-describedby="emails-hint emails-check emails-invalid"
          aria-invalid=${unreported.length ? 'true' : 'false'}
          @input=${(e: Event) => this.#change({ draft: (e.target as HTMLTextAreaElement).value })}
        ></textarea>
        <p id="emails-hint" class="hint">${t.seatsEmailsHint}</p>
        <p id="emails-check" class="hint">${fresh || !list.available_seats ? t.seatsCheck(fresh, fit, list.available_seats) : ''}</p>
        <p id="emails-invalid" class="error" ?hidden=${!unreported.length}>${unreported.length ? t.seatsInvalid(formatList(locale, unreported)) : ''}</p>
      </div>
      <p role="status" class="status">
        ${this.#s.progress ? html`<progress max=${total} value=${done} aria-label=${progress}></progress> ${progress}` : ''}
        ${this.#s.keptForSignIn ? t.seatsKept : ''}
      </p>
      ${this.#s.results.length
        ? html`<ul class="results">
            ${this.#s.results.map(
              (r) => html`<li class=${r.outcome}>
                ${r.email}: ${t.seatsOutcome(r.outcome)}${r.message ? ` (${r.message})` : ''}
                ${r.outcome === 'failed'
                  ? html`<button type="button" class="quiet" aria-label=${t.forWho(t.retry, r.email)} @click=${() => this.#retry(r.email)}>${t.retry}</button>`
                  : nothing}
              </li>`,
            )}
          </ul>`
        : nothing}
      <div class="actions">
        ${finished
          ? html`<button type="button" class="primary" @click=${close}>${t.done}</button>`
          : html`<button class="primary" part="submit" aria-disabled=${this.#s.progress || !fit ? 'true' : 'false'}>${t.seatsAssignN(fit)}</button>
              <button type="button" @click=${close}>${t.cancel}</button>`}
      </div>
    </form>`;
  }
}
