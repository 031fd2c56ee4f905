// Lists the functions over a number of lines (default 60) in apps/ and packages/, longest first,
// so that each module's largest function stays readable in one screen or says why it cannot.
// Usage: node scripts/long-functions.mjs [maxLines]
// A function that must stay long says why in a comment starting `long:` on the line above it;
// such functions are listed apart.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import ts from 'typescript'

const maxLines = Number(process.argv[2] ?? 60)
const files = execFileSync('git', ['ls-files', 'apps', 'packages'], { encoding: 'utf8' })
  .split('\n')
  .filter((file) => /\.(ts|tsx|mts)$/.test(file) && !file.endsWith('.d.ts') && !file.includes('/generated/'))

const long = []
for (const file of files) {
  const text = readFileSync(file, 'utf8')
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
  const visit = (node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body && !isTestBlock(node)) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line
      const lines = end - start + 1
      if (lines > maxLines) {
        const leading = text.slice(0, node.getFullStart() + node.getLeadingTriviaWidth(source))
        const said = /\/\/ long:[^\n]*\n\s*(export\s+)?(async\s+)?(function|const|let)?[^\n]*$/.test(leading)
          ? true
          : saysWhy(source, node)
        long.push({ file, line: start + 1, lines, name: nameOf(node), said })
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
}

// A test suite's describe/it callbacks are lists of cases, not functions a reader holds at once.
function isTestBlock(node) {
  const parent = node.parent
  return (
    parent !== undefined &&
    ts.isCallExpression(parent) &&
    /^(describe|it|test)\b/.test(parent.expression.getText())
  )
}

function nameOf(node) {
  if (node.name) return node.name.getText()
  const parent = node.parent
  if (parent && ts.isVariableDeclaration(parent)) return parent.name.getText()
  if (parent && ts.isPropertyAssignment(parent)) return parent.name.getText()
  if (parent && ts.isCallExpression(parent)) {
    const callee = parent.expression.getText()
    const first = parent.arguments[0]
    return `${callee}(${first && ts.isStringLiteralLike(first) ? `'${first.text}'` : '…'})`
  }
  return '(anonymous)'
}

// A `// long: …` comment on the function or on the statement that holds it.
function saysWhy(source, node) {
  for (let at = node; at && !ts.isSourceFile(at); at = at.parent) {
    const comments = ts.getLeadingCommentRanges(source.text, at.getFullStart()) ?? []
    if (comments.some((c) => source.text.slice(c.pos, c.end).startsWith('// long:'))) return true
    if (ts.isStatement(at) || ts.isClassElement(at) || ts.isPropertyAssignment(at)) break
  }
  return false
}

long.sort((a, b) => b.lines - a.lines)
const show = (rows) => {
  for (const { file, line, lines, name } of rows)
    console.log(`${String(lines).padStart(5)}  ${file}:${line}  ${name}`)
}
const unexplained = long.filter((row) => !row.said)
console.log(`${unexplained.length} functions over ${maxLines} lines without a reason:`)
show(unexplained)
const explained = long.filter((row) => row.said)
if (explained.length > 0) {
  console.log(`\n${explained.length} over ${maxLines} lines that say why (// long: …):`)
  show(explained)
}
