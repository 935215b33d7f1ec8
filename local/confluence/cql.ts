// A small CQL (Confluence Query Language) parser and evaluator: enough for
// user search (user, user.accountid, user.fullname ~ "...", type = user) and
// space search (type = space AND title ~ "..."). Grammar:
//   query   := or [ORDER BY field [ASC|DESC] {, field [ASC|DESC]}]
//   or      := and {OR and}
//   and     := not {AND not}
//   not     := NOT not | '(' or ')' | clause
//   clause  := field op value | field [NOT] IN '(' value {, value} ')'
//   op      := = | != | ~ | !~ | > | >= | < | <=
//   value   := "quoted" | 'quoted' | word | word '(' ')'   (a function, e.g. currentUser())

export class CqlError extends Error {
  override readonly name = 'CqlError';
}

export type Operator = '=' | '!=' | '~' | '!~' | '>' | '>=' | '<' | '<=' | 'in' | 'not in';

export type CqlValue = { kind: 'text'; text: string } | { kind: 'function'; name: string };

export type CqlExpr =
  | { kind: 'and' | 'or'; left: CqlExpr; right: CqlExpr }
  | { kind: 'not'; expr: CqlExpr }
  | { kind: 'clause'; field: string; op: Operator; values: CqlValue[] };

export interface CqlOrder {
  field: string;
  direction: 'asc' | 'desc';
}

export interface CqlQuery {
  expr: CqlExpr;
  orderBy: CqlOrder[];
}

type Token = { t: 'word'; v: string } | { t: 'string'; v: string } | { t: 'op'; v: Operator } | { t: '(' | ')' | ',' };

function tokenize(cql: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < cql.length) {
    const c = cql.charAt(i);
    if (/\s/.test(c)) {
      i += 1;
      continue;
    }
    if (c === '(' || c === ')' || c === ',') {
      out.push({ t: c });
      i += 1;
      continue;
    }
    const two = cql.slice(i, i + 2);
    if (two === '!=' || two === '!~' || two === '>=' || two === '<=') {
      out.push({ t: 'op', v: two });
      i += 2;
      continue;
    }
    if (c === '=' || c === '~' || c === '>' || c === '<') {
      out.push({ t: 'op', v: c });
      i += 1;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      let text = '';
      while (j < cql.length && cql.charAt(j) !== c) {
        if (cql.charAt(j) === '\\' && j + 1 < cql.length) j += 1;
        text += cql.charAt(j);
        j += 1;
      }
      if (j >= cql.length) throw new CqlError(`unterminated string starting at position ${i}`);
      out.push({ t: 'string', v: text });
      i = j + 1;
      continue;
    }
    const m = /^[^\s()=!~<>,"']+/.exec(cql.slice(i));
    if (!m) throw new CqlError(`unexpected character '${c}' at position ${i}`);
    out.push({ t: 'word', v: m[0] });
    i += m[0].length;
  }
  return out;
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }
  private next(): Token | undefined {
    const t = this.tokens[this.pos];
    this.pos += 1;
    return t;
  }

  private isKeyword(word: string, offset = 0): boolean {
    const t = this.tokens[this.pos + offset];
    return t?.t === 'word' && t.v.toLowerCase() === word;
  }

  private expect(kind: '(' | ')'): void {
    const t = this.next();
    if (t?.t !== kind) throw new CqlError(`expected '${kind}'`);
  }

  parse(): CqlQuery {
    if (this.tokens.length === 0) throw new CqlError('the query is empty');
    const expr = this.or();
    const orderBy: CqlOrder[] = [];
    if (this.isKeyword('order')) {
      this.pos += 1;
      if (!this.isKeyword('by')) throw new CqlError("expected 'by' after 'order'");
      this.pos += 1;
      for (;;) {
        const f = this.next();
        if (f?.t !== 'word') throw new CqlError('expected a field after ORDER BY');
        let direction: 'asc' | 'desc' = 'asc';
        if (this.isKeyword('asc') || this.isKeyword('desc')) {
          direction = (this.next() as { v: string }).v.toLowerCase() as 'asc' | 'desc';
        }
        orderBy.push({ field: f.v.toLowerCase(), direction });
        if (this.peek()?.t !== ',') break;
        this.pos += 1;
      }
    }
    if (this.pos < this.tokens.length) throw new CqlError('unexpected text after the end of the query');
    return { expr, orderBy };
  }

  private or(): CqlExpr {
    let left = this.and();
    while (this.isKeyword('or')) {
      this.pos += 1;
      left = { kind: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): CqlExpr {
    let left = this.not();
    while (this.isKeyword('and')) {
      this.pos += 1;
      left = { kind: 'and', left, right: this.not() };
    }
    return left;
  }

  private not(): CqlExpr {
    if (this.isKeyword('not')) {
      this.pos += 1;
      return { kind: 'not', expr: this.not() };
    }
    if (this.peek()?.t === '(') {
      this.pos += 1;
      const inner = this.or();
      this.expect(')');
      return inner;
    }
    return this.clause();
  }

  private clause(): CqlExpr {
    const f = this.next();
    if (f?.t !== 'word') throw new CqlError('expected a field name');
    const field = f.v.toLowerCase();
    if (this.isKeyword('in') || (this.isKeyword('not') && this.isKeyword('in', 1))) {
      const op: Operator = this.isKeyword('not') ? 'not in' : 'in';
      this.pos += op === 'in' ? 1 : 2;
      this.expect('(');
      const values: CqlValue[] = [this.value()];
      while (this.peek()?.t === ',') {
        this.pos += 1;
        values.push(this.value());
      }
      this.expect(')');
      return { kind: 'clause', field, op, values };
    }
    const o = this.next();
    if (o?.t !== 'op') throw new CqlError(`expected an operator after '${f.v}'`);
    return { kind: 'clause', field, op: o.v, values: [this.value()] };
  }

  private value(): CqlValue {
    const t = this.next();
    if (t?.t === 'string') return { kind: 'text', text: t.v };
    if (t?.t === 'word') {
      if (this.peek()?.t === '(') {
        this.pos += 1;
        this.expect(')');
        return { kind: 'function', name: t.v };
      }
      return { kind: 'text', text: t.v };
    }
    throw new CqlError('expected a value');
  }
}

export function parseCql(cql: string): CqlQuery {
  return new Parser(tokenize(cql)).parse();
}

/** Every field the expression mentions. */
export function fieldsOf(expr: CqlExpr): string[] {
  switch (expr.kind) {
    case 'clause':
      return [expr.field];
    case 'not':
      return fieldsOf(expr.expr);
    default:
      return [...fieldsOf(expr.left), ...fieldsOf(expr.right)];
  }
}

/** How a searchable entity exposes one CQL field. */
export interface FieldSpec<E> {
  /** Operators the field accepts. */
  ops: readonly Operator[];
  values(entity: E): string[];
}

export interface EvalContext {
  /** Resolves functions such as currentUser(). */
  fn(name: string): string;
}

const fold = (s: string): string => s.toLowerCase();

/** `~`: case-insensitive containment, CQL's `*` wildcards dropped. */
function fuzzyMatch(haystack: string, needle: string): boolean {
  const term = fold(needle.replace(/\*/g, '')).trim();
  return term === '' || fold(haystack).includes(term);
}

/** Check every clause names a known field with an operator it accepts. */
export function checkFields<E>(expr: CqlExpr, fields: Record<string, FieldSpec<E>>): void {
  if (expr.kind === 'clause') {
    const spec = fields[expr.field];
    if (!spec) throw new CqlError(`the field '${expr.field}' is not supported here`);
    if (!spec.ops.includes(expr.op)) {
      throw new CqlError(`the operator '${expr.op}' is not supported for the field '${expr.field}'`);
    }
    return;
  }
  if (expr.kind === 'not') {
    checkFields(expr.expr, fields);
    return;
  }
  checkFields(expr.left, fields);
  checkFields(expr.right, fields);
}

export function matches<E>(expr: CqlExpr, entity: E, fields: Record<string, FieldSpec<E>>, ctx: EvalContext): boolean {
  switch (expr.kind) {
    case 'and':
      return matches(expr.left, entity, fields, ctx) && matches(expr.right, entity, fields, ctx);
    case 'or':
      return matches(expr.left, entity, fields, ctx) || matches(expr.right, entity, fields, ctx);
    case 'not':
      return !matches(expr.expr, entity, fields, ctx);
    case 'clause': {
      const spec = fields[expr.field];
      if (!spec) throw new CqlError(`the field '${expr.field}' is not supported here`);
      const have = spec.values(entity);
      const wanted = expr.values.map((v) => (v.kind === 'text' ? v.text : ctx.fn(v.name)));
      const equal = (): boolean => have.some((h) => wanted.some((w) => fold(h) === fold(w)));
      switch (expr.op) {
        case '=':
        case 'in':
          return equal();
        case '!=':
        case 'not in':
          return !equal();
        case '~':
          return have.some((h) => wanted.some((w) => fuzzyMatch(h, w)));
        case '!~':
          return !have.some((h) => wanted.some((w) => fuzzyMatch(h, w)));
        default:
          throw new CqlError(`the operator '${expr.op}' is not supported for the field '${expr.field}'`);
      }
    }
  }
}
