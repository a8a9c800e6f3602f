# bytes(x) and bytearray(x) in CPython's order (found by tools/difffuzz.py):
# __bytes__ first, even on a str subclass; an __index__ that raises TypeError
# falls through to iteration; a bad item or a non-iterable names the target type.
class SB(str):
    def __bytes__(self): return b'SB'
class SBad(str):
    def __bytes__(self): return 5
class SI(str):
    def __index__(self): return 3
class SIbad(str):
    def __index__(self): return 'x'
class I:
    def __index__(self): return 3
class Ineg:
    def __index__(self): return -2
class Ibad:
    def __index__(self): return 1.5
class Iraise:
    def __index__(self): raise KeyError('k')
class IbadIter:
    def __index__(self): return []
    def __iter__(self): return iter([65, 66])
class Bts:
    def __bytes__(self): return b'Bts'
class BA(bytearray):
    def __bytes__(self): return b'BA!'
class BB(bytes):
    def __bytes__(self): return b'BB!'
class It:
    def __iter__(self): return iter([1, 2])
args = ["SB('x')", "SBad('x')", "SI('x')", "SIbad('x')", "I()", "Ineg()", "Ibad()", "Iraise()", "IbadIter()", "Bts()",
        "BA(b'q')", "BB(b'q')", "It()", "None", "3", "-1", "1.5", "'abc'", "[1, 'a']", "[1, 300]", "(1, -1)",
        "{1: 2}", "b'xy'", "bytearray(b'z')", "[I(), 2]", "range(3)", "iter([1])", "object()"]
for f in ['bytes', 'bytearray']:
    for a in args:
        for extra in ['', ", 'utf-8'", ", errors='strict'", ", 'ascii', 'strict'"]:
            try:
                r = eval(f'{f}({a}{extra})')
                print(f, a, extra, '=', repr(r)[:40])
            except Exception as e:
                print(f, a, extra, '!', type(e).__name__, str(e).split(' at 0x')[0])
for e in ['bytes(encoding="utf-8")', 'bytes(errors="x")', 'bytearray(encoding="utf-8")', 'bytearray(errors="x")']:
    try: print(e, eval(e))
    except Exception as ex: print(e, '!', type(ex).__name__, ex)
ba = bytearray()
for a in [['a'], (1.5,), [300], 'ab', 5, None, [1, 2], (3,), b'xy', bytearray(b'z'), {4: 0}]:
    try:
        ba.extend(a)
        print('extend', repr(a), ba)
    except Exception as e:
        print('extend', repr(a), type(e).__name__, e)
    try:
        ba += a
        print('+=', repr(a), ba)
    except Exception as e:
        print('+=', repr(a), type(e).__name__, e)
