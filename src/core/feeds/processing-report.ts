import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** Counts from the report's ProcessingSummary; null when the report has none. */
export interface ProcessingSummary {
  readonly processed: number;
  readonly successful: number;
  readonly withError: number;
  readonly withWarning: number;
}

/** One Result element of the report. */
export interface ReportResult {
  readonly messageId: number;
  readonly resultCode: 'Error' | 'Warning';
  /** Amazon's ResultMessageCode, as text (codes are numbers, but nothing is computed with them). */
  readonly code: string;
  readonly description: string;
  readonly amazonOrderId: string | null;
}

/** What Amazon decided about one message of the feed. */
export type MessageOutcome =
  | { readonly kind: 'accepted'; readonly warnings: readonly ReportResult[] }
  | {
      readonly kind: 'refused';
      /** The first error's ResultMessageCode. */
      readonly code: string;
      /** Every error's description, in report order. */
      readonly description: string;
      readonly errors: readonly ReportResult[];
      readonly warnings: readonly ReportResult[];
    };

export interface ProcessingReport {
  readonly summary: ProcessingSummary | null;
  readonly results: readonly ReportResult[];
  /**
   * Errors about the document as a whole (MessageID 0 or missing): Amazon processed no message
   * of it, so no message may be taken as accepted.
   */
  readonly documentErrors: readonly ReportResult[];
}

const parser = new XMLParser({
  ignoreAttributes: true,
  // Keep codes and ids as text: order ids and result codes are identifiers, not numbers.
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => name === 'Message' || name === 'Result',
});

type Node = Record<string, unknown>;

const asNode = (v: unknown): Node | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Node) : undefined;
const text = (v: unknown): string | undefined =>
  typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;

/**
 * Reads an XML processing report (AmazonEnvelope > Message > ProcessingReport). A report with no
 * Result elements is valid: every message succeeded. Throws on a document that is not a report,
 * because guessing outcomes from it could confirm packages Amazon never took.
 */
export function parseProcessingReport(xml: string): ProcessingReport {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new SyntaxError(
      `processing report is not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`,
    );
  }
  const doc = parser.parse(xml) as Node;
  const envelope = asNode(doc.AmazonEnvelope);
  const reportNode =
    envelope === undefined
      ? asNode(doc.ProcessingReport)
      : (Array.isArray(envelope.Message) ? envelope.Message : [])
          .map((m) => asNode(asNode(m)?.ProcessingReport))
          .find((r) => r !== undefined);
  if (reportNode === undefined) throw new SyntaxError('the document holds no ProcessingReport');

  const s = asNode(reportNode.ProcessingSummary);
  const count = (v: unknown) => {
    const n = Number(text(v));
    return Number.isInteger(n) && n >= 0 ? n : 0;
  };
  const summary: ProcessingSummary | null =
    s === undefined
      ? null
      : {
          processed: count(s.MessagesProcessed),
          successful: count(s.MessagesSuccessful),
          withError: count(s.MessagesWithError),
          withWarning: count(s.MessagesWithWarning),
        };

  const results: ReportResult[] = [];
  const documentErrors: ReportResult[] = [];
  for (const raw of Array.isArray(reportNode.Result) ? reportNode.Result : []) {
    const r = asNode(raw) ?? {};
    const id = Number(text(r.MessageID));
    const messageId = Number.isInteger(id) && id >= 0 ? id : 0;
    const result: ReportResult = {
      messageId,
      // Anything that is not a plain warning is treated as an error: refusing is the safe reading.
      resultCode: text(r.ResultCode) === 'Warning' ? 'Warning' : 'Error',
      code: text(r.ResultMessageCode) ?? '',
      description: text(r.ResultDescription) ?? '',
      amazonOrderId: text(asNode(r.AdditionalInfo)?.AmazonOrderID) ?? null,
    };
    if (messageId === 0 && result.resultCode === 'Error') documentErrors.push(result);
    else results.push(result);
  }
  return { summary, results, documentErrors };
}

/** The outcome of each message id in `messageIds`: refused when any Error names it, else accepted. */
export function messageOutcomes(
  report: ProcessingReport,
  messageIds: Iterable<number>,
): Map<number, MessageOutcome> {
  const byMessage = new Map<number, ReportResult[]>();
  for (const r of report.results) {
    const list = byMessage.get(r.messageId) ?? [];
    list.push(r);
    byMessage.set(r.messageId, list);
  }
  const outcomes = new Map<number, MessageOutcome>();
  for (const id of messageIds) {
    const results = byMessage.get(id) ?? [];
    const errors = results.filter((r) => r.resultCode === 'Error');
    const warnings = results.filter((r) => r.resultCode === 'Warning');
    const first = errors[0];
    outcomes.set(
      id,
      first === undefined
        ? { kind: 'accepted', warnings }
        : {
            kind: 'refused',
            code: first.code,
            description: errors.map((e) => e.description).join(' '),
            errors,
            warnings,
          },
    );
  }
  return outcomes;
}
