# match: which classes are sequences and mappings for patterns, as CPython
# decides it: a type flag that collections.abc's Sequence and Mapping set
# through __abc_tpflags__, that subclasses inherit (the first base in the MRO
# that has one wins) and that ABC.register() passes on, also to subclasses
import collections
import abc
import collections.abc


def kind(x):
    match x:
        case {**rest}:
            return "mapping"
        case [*items]:
            return "sequence"
        case _:
            return "other"


# __abc_tpflags__ is consumed by the class machinery
print("__abc_tpflags__" in collections.abc.Sequence.__dict__,
      "__abc_tpflags__" in collections.abc.Mapping.__dict__)


class S(collections.abc.Sequence):
    def __getitem__(self, i):
        return [1, 2][i]

    def __len__(self):
        return 2


class M(collections.abc.Mapping):
    def __getitem__(self, k):
        return {"a": 1}[k]

    def __len__(self):
        return 1

    def __iter__(self):
        return iter(["a"])


class R:
    def __getitem__(self, i):
        return [7, 8][i]

    def __len__(self):
        return 2


class R2(R):
    pass


print(kind(S()), kind(M()), kind(R()), kind(R2()))
collections.abc.Sequence.register(R)
print(kind(R()), kind(R2()))


class R3(R):
    pass


print(kind(R3()))


# registering with the other ABC switches the flag, for subclasses too
class Q:
    def keys(self):
        return ["k"]

    def __len__(self):
        return 1

    def __getitem__(self, k):
        if k in ("k", 0):
            return k
        raise IndexError(k)


class Q2(Q):
    pass


collections.abc.Mapping.register(Q)
print(kind(Q()), kind(Q2()))
collections.abc.MutableSequence.register(Q)
print(kind(Q()), kind(Q2()))

# builtins keep their own flags: str is a registered Sequence, and no sequence here
print(kind("str"), issubclass(str, collections.abc.Sequence))
collections.abc.Sequence.register(bytearray)
print(kind(bytearray(b"x")))


# multiple inheritance: the first class of the MRO with a flag decides
class C:
    pass


class M1(collections.UserDict, collections.abc.Sequence):
    pass


class M2(collections.UserList, collections.abc.Mapping):
    pass


class M3(dict, collections.abc.Sequence, C):
    pass


class M4(list, collections.abc.Mapping):
    pass


print(kind(M1()), kind(M2()), kind(M3()), kind(M4()))


# a class may declare __abc_tpflags__ itself; both flags at once is an error
class Own(metaclass=abc.ABCMeta):
    __abc_tpflags__ = 1 << 5

    def __len__(self):
        return 0

    def __getitem__(self, i):
        raise IndexError


print(kind(Own()), "__abc_tpflags__" in Own.__dict__)
try:
    class Both(metaclass=abc.ABCMeta):
        __abc_tpflags__ = (1 << 5) | (1 << 6)
except TypeError as e:
    print("TypeError:", e)

# registering a class that already is a subclass changes nothing
print(collections.abc.Sequence.register(list) is list, kind([1]))
