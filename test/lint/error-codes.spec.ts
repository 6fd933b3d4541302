import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';
import { ERROR_CODE_LIST, ERROR_CODES } from '../../src/common/errors/error-codes';

const root = join(__dirname, '..', '..');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

interface Found {
  where: string;
  code: string;
}

/** Calls and constructions whose arguments may carry an error code. */
const CODE_CARRIERS = /(Error|Exception)$|^errorBody$/;

function calleeName(node: ts.CallExpression | ts.NewExpression): string {
  const e = node.expression;
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return '';
}

/**
 * The codes src/ emits, as the source spells them: the value of every property named `code`
 * and every upper-case string handed to an error class or to errorBody(). A computed code (a
 * template literal) is reported as such: it could be anything.
 */
function codesIn(file: string): Found[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022);
  const found: Found[] = [];
  const where = (n: ts.Node) =>
    `${relative(root, file)}:${source.getLineAndCharacterOfPosition(n.getStart(source)).line + 1}`;
  const collect = (expr: ts.Node, strict: boolean): void => {
    if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) {
      if (strict || /^[A-Z][A-Z0-9_]{3,}$/.test(expr.text))
        found.push({ where: where(expr), code: expr.text });
    } else if (strict && ts.isTemplateExpression(expr)) {
      found.push({ where: where(expr), code: expr.getText(source) });
    } else if (ts.isConditionalExpression(expr)) {
      collect(expr.whenTrue, strict);
      collect(expr.whenFalse, strict);
    } else if (
      ts.isBinaryExpression(expr) &&
      expr.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken
    ) {
      collect(expr.left, strict);
      collect(expr.right, strict);
    } else if (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr)) {
      collect(expr.expression, strict);
    }
  };
  const visit = (node: ts.Node): void => {
    if (
      ts.isPropertyAssignment(node) &&
      (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) &&
      node.name.text === 'code'
    ) {
      collect(node.initializer, true);
    }
    if (
      ts.isPropertyDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      node.name.text === 'code' &&
      node.initializer
    ) {
      collect(node.initializer, true);
    }
    if (ts.isParameter(node) && ts.isIdentifier(node.name) && node.name.text === 'code') {
      if (node.initializer) collect(node.initializer, true);
    }
    if (
      (ts.isCallExpression(node) || ts.isNewExpression(node)) &&
      CODE_CARRIERS.test(calleeName(node))
    ) {
      for (const arg of node.arguments ?? []) collect(arg, false);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('error codes (src/common/errors/error-codes.ts)', () => {
  // Generated SQL snapshots and PostgreSQL driver codes are not error body codes.
  const files = tsFiles(join(root, 'src')).filter((f) => !f.includes(`${join('src', 'queries')}`));
  const emitted = files.flatMap(codesIn);

  it('finds the codes the app emits (the scan itself works)', () => {
    const codes = new Set(emitted.map((f) => f.code));
    for (const c of [
      'VALIDATION_FAILED',
      'HAS_DEPENDENTS',
      'OVERFILL',
      'SHUTTING_DOWN',
      'RATE_LIMITED',
    ])
      expect(codes).toContain(c);
  });

  it('every code a source file emits is in the list', () => {
    const unknown = emitted.filter(
      (f) => !(f.code in ERROR_CODES) && !/^\d{2}[0-9A-Z]{3}$/.test(f.code),
    );
    expect(unknown).toEqual([]);
  });

  it('the committed OpenAPI document publishes the list as the ErrorCode enum', () => {
    const doc = JSON.parse(
      readFileSync(join(root, 'openapi', 'ledgerline.openapi.json'), 'utf8'),
    ) as {
      components: { schemas: Record<string, { enum?: string[] }> };
    };
    expect(doc.components.schemas.ErrorCode.enum).toEqual(ERROR_CODE_LIST);
  });

  it('docs/API.md describes every code in its table', () => {
    const guide = readFileSync(join(root, 'docs', 'API.md'), 'utf8');
    const rows = new Set([...guide.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]));
    expect(ERROR_CODE_LIST.filter((c) => !rows.has(c))).toEqual([]);
    expect([...rows].filter((c) => !(c in ERROR_CODES))).toEqual([]);
  });
});
