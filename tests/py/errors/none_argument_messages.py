# Argument errors name None as "None" (CPython's _PyArg_BadArgument), not NoneType.
import sys
tests = [
 lambda: 'a'.startswith(None), lambda: 'a'.center(3, None), lambda: '%f' % None, lambda: b'%f' % None,
 lambda: memoryview(b'a').cast(None), lambda: open('x', None), lambda: sys.stdout.write(None),
 lambda: float.__getformat__(None), lambda: type(sys).__init__(sys, None), lambda: super(None),
 lambda: [][None], lambda: ()[None], lambda: range(3)[None], lambda: eval('1', None, None) and exec('1', 5),
 lambda: __import__(None), lambda: print(*None), lambda: print(**None), lambda: type(type.__dict__)(None),
 lambda: [*None],
]
for t in tests:
    try: t()
    except Exception as e: print(type(e).__name__, e)
