# compile() reports SyntaxError with CPython's message and line
import sys
for src in ['x = 1\n', 'def f(:\n    pass\n', 'a b\n', 'x = (1,\n', 'return 5\n', 'break\n',
            'f(**x, *y)\n', 'def f(x, x): pass\n', 'nonlocal q\n', '1 = 2\n', 'f() = 1\n',
            'del f()\n', 'x = yield = 1\n', 'class\n', "'unterminated\n", '"""never closed\n',
            'lambda: (yield)\n', '(a, b) += 1\n', 'continue\n', 'import\n', 'x = 1 +\n',
            'if x:\npass\n', 'for in x: pass\n', '0x\n',
            'def f(a=1, b): pass\n']:
    try:
        compile(src, 'src.py', 'exec')
        print('ok', repr(src))
    except SyntaxError as e:
        print(type(e).__name__, repr(src), e.msg, e.lineno)
