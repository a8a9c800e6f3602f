# match: sequence patterns: which subjects are sequences, lengths, stars
import collections
import collections.abc


def shape(x):
    match x:
        case []:
            return "empty"
        case [a]:
            return "one: %r" % (a,)
        case [a, b]:
            return "two: %r %r" % (a, b)
        case [a, *mid, z]:
            return "first %r, last %r, %d between" % (a, z, len(mid))
        case _:
            return "not a sequence: %s" % type(x).__name__


for v in [[], (), [1], (1,), [1, 2], (1, 2, 3), range(5), range(0), "",
          "ab", b"ab", bytearray(b"ab"), {1: 2}, {1, 2}, iter([1, 2]),
          (i for i in range(2)), collections.deque([1, 2, 3, 4]),
          collections.UserList([7, 8])]:
    print(type(v).__name__, "->", shape(v))

# the star collects a list, whatever the subject
match (1, 2, 3):
    case [*init, last]:
        print(init, last, type(init).__name__)
match range(4):
    case (first, *tail):
        print(first, tail)
match "xyz", 1:
    case (s, n):
        print("subject tuple:", s, n)
match [1, 2, 3, 4, 5]:
    case [1, *_, 5]:
        print("starts with 1, ends with 5")
match [1, 2]:
    case [*_]:
        print("any sequence")
match []:
    case [*rest]:
        print("empty rest", rest)

# without brackets or with parentheses: the same sequence pattern
match [1, 2]:
    case 1, 2:
        print("bare tuple pattern")
match [3]:
    case (3,):
        print("one-tuple pattern")
match [4, 5]:
    case *a, 5:
        print("bare star", a)

# nested sequences
match [1, [2, [3, 4]], (5,)]:
    case [x, [y, [z, w]], (v,)]:
        print(x, y, z, w, v)


# len() is asked once per sequence pattern; items are read by index for *_
class Seq(collections.abc.Sequence):
    def __init__(self, *items):
        self.items = items

    def __len__(self):
        print("  len")
        return len(self.items)

    def __getitem__(self, i):
        print("  getitem", i)
        return self.items[i]


match Seq(1, 2, 3):
    case [a, *_, c]:
        print("ends", a, c)
match Seq(1, 2, 3):
    case [a, *b]:
        print("unpacked", a, b)
match Seq(1, 2):
    case [_, _, _]:
        print("three")
    case [x, y]:
        print("two", x, y)


# a class registered as a Sequence is one, and so are its subclasses
class Plain:
    def __len__(self):
        return 2

    def __getitem__(self, i):
        return "pq"[i]


class PlainChild(Plain):
    pass


print(shape(Plain()))
collections.abc.Sequence.register(Plain)
print(shape(Plain()), shape(PlainChild()))


class Later(Plain):
    pass


print(shape(Later()))


# subclasses of the builtin sequences are sequences; of str they are not
class MyList(list):
    pass


class MyStr(str):
    pass


class MyTuple(tuple):
    pass


print(shape(MyList([1, 2])), shape(MyTuple((1,))), shape(MyStr("ab")))
# a registered Mapping is not a sequence
print(shape(collections.OrderedDict(a=1)))


# a sequence whose __len__ lies: the length check passes, then unpacking
# finds three items
class Liar(list):
    def __len__(self):
        return 2


try:
    match Liar([1, 2, 3]):
        case [a, b]:
            print("never")
except ValueError as e:
    print("ValueError:", e)
