# _tokenize.TokenizerIter, CPython's C tokenizer as tokenize's
# _generate_tokens_from_c_tokenizer uses it: exact types, byte columns, the
# NEWLINE/INDENT/DEDENT shapes, `line`, and its errors.
import _tokenize
for s in ["x = 1\n", "if x:\n  y=1 # c\n\n  z\n", "a", "grün = 1", "x=(1,\n 2)\n", "\"\"\"a\nb\"\"\" + 1", "async def f(): await x\n", "x\\\n+1", "", "\n\n", "   \n#c\nx",
 "(1+2]", "1_", "0b12", "\xa0", "€", "'sdfsdf", "]", "if x:\n  a\n b\n", "x = 1 # c", "\tx", "x=1\n   # only comment\n", "if 1:\n  x\n# c\n\n", "def f():\n  pass\n\n\n", "x $ y", "a\rb", "x\r\n", "f\"{x}\"", "1if x else 2", "0xfor",
 "(", "x\\", "x = \\ y", "'''abc", "if x:\n\ty\n        z\n", "x = 1\n\n  ", "x=(\n#c\n1)", "  x", "!x", "a!=b", "@x\ndef f(): ...", "x  # c\n", "#!/bin\nx",
 "def fib(n):\n    \\\n'''Print a Fibonacci series up to n.'''\n    \\\na, b = 0, 1\n", "x = 'a\\\nb' + c\n", "a[1:2, ::3] -> x @= y ** z // w", "if x:\n    pass\n  # c\n    y\n", "'abc' 'd' \\\n  'e'", "x = 1 if y else \\\n   2 # c \\\n"]:
    print(repr(s[:30]))
    try:
        for t in _tokenize.TokenizerIter(s): print("   ", t if len(t[-1]) < 80 else t[:-1])
    except Exception as e: print("   EXC", type(e).__name__, str(e.args)[:200])
for a in [(1,)]:
    try: _tokenize.TokenizerIter(*a)
    except Exception as e: print(type(e).__name__, e)
try: _tokenize.TokenizerIter("a\0b")
except Exception as e: print(type(e).__name__, e)
it=_tokenize.TokenizerIter(source="x")
print(iter(it) is it, type(it).__module__, type(it).__name__)
print(list(it), list(it))
try:
    list(_tokenize.TokenizerIter("("*201))
except SyntaxError as e:
    print(e.msg, e.lineno, e.offset)
import tokenize, io
for t in tokenize._generate_tokens_from_c_tokenizer("def f(a, *, b=2):\n    return a ** b  # power\n"):
    print(t)
src = open(tokenize.__file__).read()
n = sum(1 for _ in _tokenize.TokenizerIter(src))
print(n == sum(1 for t in tokenize.generate_tokens(io.StringIO(src).readline) if t.type not in (tokenize.COMMENT, tokenize.NL, tokenize.ENDMARKER)))
