/** WHERE conditions with numbered parameters ($1, $2, ...), built up one filter at a time. */
export class SqlConditions {
  readonly params: unknown[] = [];
  private readonly conditions: string[] = [];

  /** Adds a condition; each `?` in it stands for the next of `values`. */
  add(condition: string, ...values: unknown[]): this {
    let text = condition;
    for (const value of values) {
      this.params.push(value);
      text = text.replace('?', `$${this.params.length}`);
    }
    this.conditions.push(text);
    return this;
  }

  /** `WHERE a AND b`, or nothing when there are no conditions. */
  get where(): string {
    return this.conditions.length ? `WHERE ${this.conditions.join(' AND ')}` : '';
  }

  /**
   * A copy to add to while this one stays as it is: a count beside a page's query, say, with a
   * parameter of its own that the page's query must not carry.
   */
  copy(): SqlConditions {
    const copy = new SqlConditions();
    copy.params.push(...this.params);
    copy.conditions.push(...this.conditions);
    return copy;
  }

  /** The placeholder of one more parameter, for use outside the conditions (a LIMIT, say). */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }
}
