# Backslash continuations inside indentation: the first backslash's column is
# the line's indentation (CPython's tokenizer), blank continued lines are
# fine, and indentation split over lines that disagrees is an error.
srcs = ["\\\npass\n        \\\n\npass\n", "\\\ndef fib(n):\n    \\\n'''Print.'''\n    \\\na, b = 0, 1\n",
 "if x:\n    y = 1\n  \\\n  foo = 1\n        ", "if 1:\n  \\\n  x = 1\n", "if 1:\n  \\\n\n  x=1\n", "x = 1\n\\\n", "if 1:\n \\ x\n",
 "  \\\nx = 1\n", "if 1:\n\t\\\n        x\n", "def f():\n    \\\n    \\\n    return 1\nprint(f())", "x = (1 \\\n", "x = (1 \\",
 "x = 1 \\", "f(1 for c in I,\\\n\\", '"\\\n"(1 for c in I,\\\n\\', "if 1:\n    x = 1\n    \\\n    y = 2\nprint(x, y)\n"]
for s in srcs:
    try:
        compile(s, 's', 'exec')
        print(repr(s), 'ok')
    except SyntaxError as e:
        print(repr(s), (type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset))

def fib(n):
    \
    '''Print a Fibonacci series up to n.'''
    \
    a, b = 0, 1
    \
    return a + b + n
print(fib(3), fib.__doc__)
