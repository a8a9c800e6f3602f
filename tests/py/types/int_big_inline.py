# Big ints keep their digits inside the object: arithmetic across sizes,
# subclasses with a __dict__ or empty __slots__, and values kept while many others die.
import gc


def sizes():
    vals = [0, 1, -1, 2**47, -2**47, 2**48, 2**63 - 1, 2**63, -2**63, 2**64 + 1,
            -(2**64 + 1), 2**127, 3**200, -(7**150)]
    out = []
    for a in vals:
        for b in vals:
            out.append(a + b)
            out.append(a - b)
            out.append(a * b)
            out.append(a & b)
            out.append(a | b)
            out.append(a ^ b)
            if b:
                out.append(a // b)
                out.append(a % b)
        out.append(-a)
        out.append(~a)
        out.append(a >> 5)
        out.append(a << 70)
        out.append(abs(a))
    print(len(out), sum(out) % 1000003, hash(tuple(out)) == hash(tuple(out)))
    print(out[:20])


class Big(int):
    pass


class Slotted(int):
    __slots__ = ()


def subclasses():
    b = Big(2**100 + 7)
    b.note = "kept"
    s = Slotted(-(3**90))
    gc.collect()
    print(b, b.note, type(b).__name__, b + 1, type(b + 1).__name__, b == 2**100 + 7)
    print(s, hasattr(s, '__dict__'), s * 2, int(s) // 5, hash(s) == hash(-(3**90)))
    print(Big(5), Big(-2**70) // Big(3), isinstance(Big(2**80), int))


def survivors():
    keep = []
    for i in range(20000):
        x = (i + 2**90) * (i + 3)
        if i % 1000 == 0:
            keep.append(x)
    gc.collect()
    junk = [2**200 + j for j in range(5000)]
    del junk
    gc.collect()
    print(keep[:3], sum(keep) % 999983)


def scratch_reuse():
    a = 10**400
    b = a * a
    c = 2**70 + 1
    d = c * c
    print(len(str(b)), d, b // a == a, (b - 1) % 97)


sizes()
subclasses()
survivors()
scratch_reuse()
