# CPython 3.11's SyntaxError messages and spans (msg, lineno, offset,
# end_lineno, end_offset) for test_syntax's classes of bad code, compiled in
# 'exec' and 'single' mode.
srcs = [
    # expected ':' (invalid_with_stmt, invalid_except_stmt)
    'with a as b\n', 'with blech as something\n  pass\n', 'with blech, block as something\n  pass\n',
    'with (blech as something)\n  pass\n', 'with (blech, block as something)\n  pass\n',
    'with (a, b)\n', 'with a, b\n', 'with a as 1\n', 'try:\n  pass\nexcept\n  pass\n', 'try:\n  pass\nexcept ValueError\n  pass\n',
    # comprehension targets
    '[x,y for x,y in range(100)]\n', '{x,y for x,y in range(100)}\n', '[x, for x in y]\n', '{x, for x in y}\n',
    '[x, y, for x in y]\n', '(x, y for x in z)\n', '[x, y for]\n',
    # parameters
    'def foo(a=1,/*,b,c):\n   pass\n', 'lambda a=1,/*,b,c: None\n', 'def foo(a=1,d=,c):\n   pass\n',
    'def foo(a,d=,c):\n   pass\n', 'def foo(a,d: int=,c):\n   pass\n', 'def foo(a,d=):\n   pass\n',
    'lambda a=1,d=,c: None\n', 'lambda a,d=,c: None\n', 'lambda a,d=: None\n',
    'def f(x, (y, z), w):\n   pass\n', 'def f((x, y, z, w)):\n   pass\n', 'def f(x, (y, z, w)):\n   pass\n',
    'def f((x, y, z), w):\n   pass\n', 'def f((x,)):\n   pass\n', 'def f(a=1, (x, y)):\n   pass\n',
    'lambda x, (y, z), w: None\n', 'lambda (x, y, z, w): None\n', 'lambda (x, y, z), w: None\n',
    'def f(*):\n  pass\n', 'def f(*, **k):\n  pass\n', 'lambda *: 0\n', 'lambda *,: 0\n', 'lambda *, **k: 0\n',
    'with (lambda *:0): pass\n',
    # calls and class arguments
    'class C(x for x in L):\n    pass\n', 'class C(a, x for x in L):\n    pass\n', 'f((x)=2)\n', 'f(a.b=2)\n', 'f(True=1)\n',
    'f(False=1)\n', 'f(None=1)\n', 'dict(x=34, (x for x in range 10), 1); x $ y\n', 'f(x=1, y)\n', 'f(**k, y)\n',
    'f(x=1, (y z))\n', 'f(1 for c in I, 2', 'foo(x,    y for y in range(3) for z in range(2) if z    , p)\n',
    # dict displays
    '{1:2, 3:4, 5}\n', '{1:2, 5}\n', '{1: *12+1, 23: 1}\n', '{1: *12+1}\n', '{1: 23, 1: *12+1}\n', '{1:}\n', '{1:2, 3:}\n',
    # try / except / except*
    'try:\n   x = 34\n', 'try:\n  x\n  y\n', 'try:\n   pass\nexcept TypeError:\n   pass\nexcept* ValueError:\n   pass\n',
    'try: pass\nexcept* ValueError: pass\nexcept TypeError: pass',
    'try:\n  pass\nexcept A, B:\n  pass\n', 'try:\n  pass\nexcept A, B, C as blech:\n  pass\n',
    'try:\n  pass\nexcept* A, B, C:\n  pass\n', 'try:\n  pass\nexcept A, B\n  pass\n',
    # indentation errors at DEDENT / ENDMARKER
    'if x:\n', 'if x:\n\n', 'if x:\npass\n', 'match something:\n    case []:\npass\n',
    'match something:\n    case []:\n        ...\n    case {}:\npass\n', 'def f():\n# c\nx', 'x = 1\n  y = 2',
    'if x:\n  a\n b\n', 'if x:\n\ta\n        b',
]
for mode in ('exec', 'single'):
    print('==', mode)
    for s in srcs:
        try:
            compile(s, '<s>', mode)
            r = 'ok'
        except SyntaxError as e:
            r = (type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
        print(repr(s)[:60], r)
