# bytearray item assignment converts the value before the bounds check, as
# CPython 3.11 does (GH-91153; found by tools/difffuzz.py).
ba = bytearray(b'abc')
for k, v in [(10, range(3)), (10, 300), (-10, 'x'), (1, 300), (2**70, 'x'), ('a', 'x'), (10, None),
             (10, 1.5), (-4, -1), (0, b'z'), (True, 66), (-1, 67)]:
    try:
        ba[k] = v
        print(k, ba)
    except Exception as e:
        print(k, type(e).__name__, e)
for k in [10, -4, 'a', 2**70, 1.0, 0]:
    try:
        del ba[k]
        print(k, ba)
    except Exception as e:
        print(k, type(e).__name__, e)
class Shrink:
    def __index__(self):
        ba.clear()
        return 65
ba = bytearray(b'abc')
try:
    ba[2] = Shrink()
    print(ba)
except Exception as e:
    print(type(e).__name__, e, ba)
