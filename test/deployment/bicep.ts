/**
 * A small reader of the Bicep this project writes, for offline tests (no bicep compiler reaches CI):
 * parameters, variables, resources, modules and outputs, with object and array literals as JS values
 * and every other expression kept as its source text.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** An expression other than a literal: a reference, a function call, an interpolation, … */
export class Expression {
  constructor(readonly text: string) {}
}

/** `[for <header>: <body>]` */
export class ForExpression {
  constructor(
    readonly header: string,
    readonly body: BicepValue,
  ) {}
}

export type BicepValue =
  | string
  | number
  | boolean
  | null
  | Expression
  | ForExpression
  | BicepValue[]
  | { [key: string]: BicepValue };

export type BicepObject = { [key: string]: BicepValue };

export interface Declaration {
  kind: 'param' | 'var' | 'resource' | 'module' | 'output';
  name: string;
  /** param and output: the declared type; resource: `type@apiVersion`; module: its path. */
  type: string;
  /** A resource declared `existing`. */
  existing: boolean;
  /** `if (…)` before the body of a resource or module. */
  condition?: string;
  value?: BicepValue;
  decorators: string[];
  file: string;
}

export interface BicepFile {
  file: string;
  source: string;
  declarations: Declaration[];
}

/** `{ … }` as an object, or a failed assertion naming what was expected. */
export function asObject(value: BicepValue | undefined, what: string): BicepObject {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`${what} is not an object literal`);
  }
  if (value instanceof Expression || value instanceof ForExpression) {
    throw new Error(`${what} is an expression, not an object literal`);
  }
  return value;
}

class Parser {
  private pos = 0;

  constructor(
    private readonly source: string,
    private readonly file: string,
  ) {}

  private fail(message: string): never {
    const line = this.source.slice(0, this.pos).split('\n').length;
    throw new Error(`${this.file}:${line}: ${message}`);
  }

  private peek(offset = 0): string {
    return this.source[this.pos + offset] ?? '';
  }

  private startsWith(text: string): boolean {
    return this.source.startsWith(text, this.pos);
  }

  /** Skips spaces and comments; with `newlines`, line breaks too. */
  private skip(newlines: boolean): void {
    for (;;) {
      const char = this.peek();
      if (char === ' ' || char === '\t' || char === '\r' || (newlines && char === '\n')) {
        this.pos++;
      } else if (this.startsWith('//')) {
        while (this.pos < this.source.length && this.peek() !== '\n') this.pos++;
      } else if (this.startsWith('/*')) {
        const end = this.source.indexOf('*/', this.pos + 2);
        if (end < 0) this.fail('unterminated comment');
        this.pos = end + 2;
      } else {
        return;
      }
    }
  }

  private identifier(): string {
    const match = /^[a-z_]\w*/i.exec(this.source.slice(this.pos));
    if (!match) this.fail(`expected a name at '${this.source.slice(this.pos, this.pos + 20)}'`);
    this.pos += match[0].length;
    return match[0];
  }

  private expect(text: string): void {
    this.skip(false);
    if (!this.startsWith(text)) this.fail(`expected '${text}'`);
    this.pos += text.length;
  }

  /** Moves past a string starting at pos (`'…'` with escapes and `${…}`, or `'''…'''`). */
  private skipString(): void {
    if (this.startsWith("'''")) {
      const end = this.source.indexOf("'''", this.pos + 3);
      if (end < 0) this.fail('unterminated multi-line string');
      this.pos = end + 3;
      return;
    }
    this.pos++;
    while (this.pos < this.source.length) {
      const char = this.peek();
      if (char === '\\') {
        this.pos += 2;
      } else if (char === "'") {
        this.pos++;
        return;
      } else if (this.startsWith('${')) {
        this.pos += 2;
        this.skipBalanced('}');
      } else if (char === '\n') {
        this.fail('line break in a string');
      } else {
        this.pos++;
      }
    }
    this.fail('unterminated string');
  }

  /** Moves past text up to and including `close`, minding nesting, strings and comments. */
  private skipBalanced(close: string): void {
    const closers: string[] = [close];
    while (this.pos < this.source.length) {
      const char = this.peek();
      if (char === "'") {
        this.skipString();
      } else if (this.startsWith('//') || this.startsWith('/*')) {
        this.skip(true);
      } else if (char === '(' || char === '[' || char === '{') {
        closers.push({ '(': ')', '[': ']', '{': '}' }[char] as string);
        this.pos++;
      } else if (char === ')' || char === ']' || char === '}') {
        if (closers.pop() !== char) this.fail(`unbalanced '${char}'`);
        this.pos++;
        if (closers.length === 0) return;
      } else {
        this.pos++;
      }
    }
    this.fail(`missing '${close}'`);
  }

  /** The decoded text of a plain string literal at pos. */
  private stringLiteral(): string {
    const start = this.pos;
    this.skipString();
    const raw = this.source.slice(start, this.pos);
    if (raw.startsWith("'''")) return raw.slice(3, -3);
    return raw
      .slice(1, -1)
      .replace(/\\(.)/g, (_all, char: string) => ({ n: '\n', r: '\r', t: '\t' })[char] ?? char);
  }

  /** Reads an expression to the end of its line (or a closing bracket), minding nesting. */
  private rawExpression(): string {
    const start = this.pos;
    let text = '';
    while (this.pos < this.source.length) {
      const char = this.peek();
      if (char === '\n' || char === ',' || char === ')' || char === ']' || char === '}') break;
      if (this.startsWith('//') || this.startsWith('/*')) {
        text += this.source.slice(start, this.pos);
        this.skip(false);
        return text.trim();
      }
      if (char === "'") this.skipString();
      else if (char === '(' || char === '[' || char === '{') {
        this.pos++;
        this.skipBalanced({ '(': ')', '[': ']', '{': '}' }[char] as string);
      } else this.pos++;
    }
    return this.source.slice(start, this.pos).trim();
  }

  value(): BicepValue {
    this.skip(false);
    const start = this.pos;
    const char = this.peek();
    let value: BicepValue | undefined;
    if (char === '{') value = this.object();
    else if (char === '[') value = this.array();
    else if (char === "'") value = this.stringLiteral();
    if (value !== undefined) {
      // A literal followed by more (`'a' == b ? …`, `{…}.x`) is an expression after all.
      this.skip(false);
      const next = this.peek();
      if (next === '' || next === '\n' || next === ',' || ')]}'.includes(next)) return value;
      this.pos = start;
    }
    const text = this.rawExpression();
    if (text === '') this.fail('expected a value');
    if (text === 'true' || text === 'false') return text === 'true';
    if (text === 'null') return null;
    if (/^-?\d+$/.test(text)) return Number(text);
    return new Expression(text);
  }

  private object(): BicepObject {
    this.pos++;
    const result: BicepObject = {};
    for (;;) {
      this.skip(true);
      if (this.peek() === ',') {
        this.pos++;
        continue;
      }
      if (this.peek() === '}') {
        this.pos++;
        return result;
      }
      const key = this.peek() === "'" ? this.stringLiteral() : this.identifier();
      if (key in result) this.fail(`duplicate property '${key}'`);
      this.expect(':');
      result[key] = this.value();
    }
  }

  private array(): BicepValue[] | ForExpression {
    this.pos++;
    this.skip(true);
    if (/^for\s/.test(this.source.slice(this.pos, this.pos + 4))) {
      this.pos += 3;
      const headerStart = this.pos;
      // The header ends at the first ':' outside brackets.
      while (this.peek() !== ':') {
        const char = this.peek();
        if (char === '(' || char === '[') {
          this.pos++;
          this.skipBalanced(char === '(' ? ')' : ']');
        } else if (char === "'") this.skipString();
        else if (char === '') this.fail('unterminated for-expression');
        else this.pos++;
      }
      const header = this.source.slice(headerStart, this.pos).trim();
      this.pos++;
      this.skip(true);
      const body = this.value();
      this.skip(true);
      this.expect(']');
      return new ForExpression(header, body);
    }
    const items: BicepValue[] = [];
    for (;;) {
      this.skip(true);
      if (this.peek() === ',') {
        this.pos++;
        continue;
      }
      if (this.peek() === ']') {
        this.pos++;
        return items;
      }
      items.push(this.value());
    }
  }

  /** The value of a resource or module: `{…}`, `if (…) {…}` or `[for …]`. */
  private body(): { condition?: string; value: BicepValue } {
    this.skip(false);
    if (/^if\s*\(/.test(this.source.slice(this.pos, this.pos + 4))) {
      this.pos += 2;
      this.skip(false);
      const start = this.pos + 1;
      this.pos++;
      this.skipBalanced(')');
      const condition = this.source.slice(start, this.pos - 1).trim();
      return { condition, value: this.value() };
    }
    return { value: this.value() };
  }

  declarations(): Declaration[] {
    const result: Declaration[] = [];
    let decorators: string[] = [];
    for (;;) {
      this.skip(true);
      if (this.pos >= this.source.length) return result;
      if (this.peek() === '@') {
        const start = this.pos;
        this.pos++;
        this.identifier();
        if (this.peek() === '(') {
          this.pos++;
          this.skipBalanced(')');
        }
        decorators.push(this.source.slice(start, this.pos));
        continue;
      }
      const keyword = this.identifier();
      this.skip(false);
      const base = { existing: false, decorators, file: this.file };
      decorators = [];
      if (keyword === 'targetScope') {
        this.expect('=');
        this.value();
      } else if (keyword === 'param' || keyword === 'output') {
        const name = this.identifier();
        this.skip(false);
        const type = this.identifier() + (this.startsWith('[]') ? '[]' : '');
        if (this.startsWith('[]')) this.pos += 2;
        this.skip(false);
        const declaration: Declaration = { ...base, kind: keyword, name, type };
        if (this.peek() === '=') {
          this.pos++;
          declaration.value = this.value();
        } else if (keyword === 'output') {
          this.fail(`output ${name} has no value`);
        }
        result.push(declaration);
      } else if (keyword === 'var') {
        const name = this.identifier();
        this.expect('=');
        result.push({ ...base, kind: 'var', name, type: '', value: this.value() });
      } else if (keyword === 'resource' || keyword === 'module') {
        const name = this.identifier();
        this.skip(false);
        const type = this.stringLiteral();
        this.skip(false);
        const existing = this.startsWith('existing');
        if (existing) this.identifier();
        this.expect('=');
        const { condition, value } = this.body();
        result.push({
          ...base,
          kind: keyword,
          name,
          type,
          existing,
          value,
          ...(condition !== undefined ? { condition } : {}),
        });
      } else {
        this.fail(`unexpected '${keyword}'`);
      }
    }
  }
}

/** Parses one Bicep file. */
export function parseBicep(file: string): BicepFile {
  const source = readFileSync(file, 'utf8');
  return { file, source, declarations: new Parser(source, file).declarations() };
}

/** A Bicep file and every module it uses, recursively. */
export function parseBicepWithModules(file: string): BicepFile[] {
  const files: BicepFile[] = [];
  const visit = (path: string) => {
    if (files.some((parsed) => parsed.file === path)) return;
    const parsed = parseBicep(path);
    files.push(parsed);
    for (const declaration of parsed.declarations) {
      if (declaration.kind === 'module') visit(join(dirname(path), declaration.type));
    }
  };
  visit(file);
  return files;
}
