# Where SyntaxErrors end (end_lineno, end_offset), as CPython reports them:
# a NEWLINE token has no width, an unclosed bracket has end_offset 0, and a
# bad annotation target is only an error once an annotation follows the ':'
sources = [
    "if x\n", "while x\n    pass\n", "for a in b\n", "def f()\n", "class C\n",
    "x = 1 +\n", "x = (1,\n", "x = [\n1 2\n", "f(a,\n", "{\n",
    "x*y:\n", "x*y: int\n", "f():\n", "f(): int = 3\n", "(a, b):\n", "(a, b): int\n",
    "[a]: \n", "[a]: list\n", "a.b: int\n", "a[0]: int\n", "(a): int\n",
    "x = 1 if y\n", "import\n", "from x import\n", "lambda x\n",
]
for src in sources:
    try:
        compile(src, "<s>", "exec")
        print("ok", repr(src))
    except SyntaxError as e:
        print(type(e).__name__, repr(src), "|", e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
