// What the checks find: a failure inside a request or answer, named by the contract rule it breaks.

/** The rule a violation breaks. */
export type ContractRule =
  | 'type'
  | 'required'
  | 'enum'
  | 'constraint'
  | 'unknown-status'
  | 'header'
  | 'unknown-operation';

/** One failure inside a value: where (RFC 6901 pointer), which rule, and what was expected. */
export interface SchemaIssue {
  pointer: string;
  rule: ContractRule;
  message: string;
}
