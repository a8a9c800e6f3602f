# Conversions found by tools/difffuzz.py: float() honours a subclass's __float__ and
# __index__ before its value; len() of a __len__ returning a bool; assigning
# nothing to an extended bytearray slice deletes it and numbers are refused;
# int.from_bytes takes CPython's PyObject_Bytes (no int count, __bytes__);
# OrderedDict.move_to_end on an empty dict raises KeyError before hashing.
import collections
class SI(str):
    def __index__(self): return 3
class SF(str):
    def __float__(self): return 9.5
class IF(int):
    def __float__(self): return 7.25
class IFbad(int):
    def __float__(self): return 'x'
class FF(float):
    def __float__(self): return 1.25
class FI(float):
    def __index__(self): return 5
class SS(str):
    def __repr__(self): return 'SS!'
class BoolLen:
    def __len__(self): return True
class Big:
    def __index__(self): return 2**70
for x in [SI('1'), SF('2'), IF(3), IFbad(4), FF(2.5), FI(3.5), SS('zz'), SS('1.5'), Big(), True, '1_0', b'2.5', bytearray(b'x')]:
    try:
        print(type(x).__name__, float(x))
    except Exception as e:
        print(type(x).__name__, type(e).__name__, e)
print(len(BoolLen()), bool(BoolLen()), list(range(3))[:BoolLen().__len__()])
ba = bytearray(b'\x80abcdef')
for k, v in [(slice(1, 2, 2), range(0)), (slice(None, None, 2), b''), (slice(1, 5, 3), []), (slice(0, 3), 1.5),
             (slice(0, 3), 1j), (slice(0, 3), SI('x')), (slice(0, 3), 5), (slice(0, 3), None), (slice(0, 1), [300])]:
    try:
        ba[k] = v
        print(k, ba)
    except Exception as e:
        print(k, type(e).__name__, e)
for src in ['abc', 5, [1, 2], (3,), iter([4]), b'x', bytearray(b'y'), None, SS('q'), [256], {7: 1}]:
    try:
        print(repr(src)[:12], int.from_bytes(src, 'big'))
    except Exception as e:
        print(repr(src)[:12], type(e).__name__, e)
for d in [collections.OrderedDict(), collections.OrderedDict(a=1)]:
    for k in [bytearray(), 'a', 'z', []]:
        try:
            d.move_to_end(k)
            print(list(d))
        except Exception as e:
            print(type(e).__name__, e)
print((10).__eq__(10.0), (10).__lt__(2.5), 10 == 10.0, 10 < 10.5, (2).__pow__(3, 2.5), (2).__pow__(0.5))
for args in [(2, 3, 2.5), (2, 0.5, 7), (2.5, 'x', 7), ((1+2j), 'x', 7), ((1+2j), 2, 7), (2, 3, 1j), (2, 'x', 1j), ('x', 2, 3)]:
    try:
        print(args, pow(*args))
    except Exception as e:
        print(args, type(e).__name__, e)
