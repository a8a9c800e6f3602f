# `from __future__` errors as CPython's future.c and compiler raise them:
# unknown features and braces (lineno and offset only), imports after other
# code (on the same line: future.c; on a later line: the compiler, with a span).
srcs = ['from __future__ import doesnt_exist', 'x=1\nfrom __future__ import division', 'from __future__ import braces',
 '"""doc"""\nfrom __future__ import nested_scopes\nfrom __future__ import rested_snopes\n',
 '"""d"""\nimport __future__\nfrom __future__ import nested_scopes\n',
 '"""d"""\n"x"\nfrom __future__ import nested_scopes\n',
 '"""d"""\n\nfrom __future__ import nested_scopes; import string; from __future__ import \\\n     nested_scopes\n',
 '"""d"""\n\nfrom __future__ import *\n', '"""d"""\n\nfrom __future__ import nested_scopes, braces\n',
 'from __future__ import absolute_import\n"spam, bar, blah"\nfrom __future__ import print_function\n',
 'def f():\n  from __future__ import division\n', 'if 1:\n  from __future__ import division\n',
 'from __future__ import (division,\n  annotations, nope)\n', 'from __future__ import division as d, generators',
 'from __future__ import barry_as_FLUFL', 'from . import x\nfrom __future__ import division',
 'from __future__ import annotations\nfrom __future__ import division', 'class C:\n  from __future__ import division',
 'from __future__ import division\nx: int = 1\nfrom __future__ import division',
 'from __future__ import generator_stop, with_statement, unicode_literals, print_function',
 'from __future__ import nope\ndef f(x, x): pass',
]
for s in srcs:
    try:
        compile(s, 's', 'exec')
        print('ok')
    except SyntaxError as e:
        print(repr(s)[:50], (type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, e.text, e.args[1:]))
ns = {}
exec('from __future__ import annotations\ndef f(x: undefined) -> 1 + 2: pass', ns)
print(ns['f'].__annotations__)
