# match: literal and value patterns (==, and `is` for None/True/False)
import math


def describe(x):
    match x:
        case 0:
            return "zero"
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case -2.5e3:
            return "minus 2500"
        case 1 + 2j:
            return "complex 1+2j"
        case -3 - 4j:
            return "complex -3-4j"
        case 5j:
            return "imaginary 5j"
        case 0x10 | 0o17 | 0b11:
            return "hex/oct/bin"
        case 1_000_000:
            return "a million"
        case "hello":
            return "greeting"
        case "con" "cat":
            return "concatenated"
        case b"bytes":
            return "bytes"
        case None:
            return "None"
        case True:
            return "True"
        case False:
            return "False"
        case _:
            return "other " + repr(x)


for v in [0, 0.0, -0.0, False, -1, -1.0, 1.5, -2500, 1 + 2j, -3 - 4j, 5j, 16, 15, 3, 10**6,
          "hello", "concat", b"bytes", bytearray(b"bytes"), "bytes", None, True, 1, False,
          2, [], math.nan, float("inf")]:
    print(repr(v), "->", describe(v))


# True/False/None match by identity, other literals by ==
class Eq:
    def __init__(self, name):
        self.name = name

    def __eq__(self, other):
        print("  __eq__", self.name, repr(other))
        return True

    __hash__ = None


def first(x):
    match x:
        case True:
            return "True"
        case None:
            return "None"
        case 42:
            return "42"
    return "nothing"


print(first(Eq("a")))
print(first(1), first(1.0), first(True), first(42.0), first(0), first(None))


# the subject is on the left of ==: its __eq__ runs first
class Loud:
    def __eq__(self, other):
        print("  Loud.__eq__", repr(other))
        return other == 3

    __hash__ = None


match Loud():
    case 1:
        print("one")
    case 3:
        print("three")


# value patterns: dotted names, looked up each time
class Color:
    RED = "red"
    GREEN = "green"

    class Shade:
        DARK = "dark"


def color(c):
    match c:
        case Color.RED:
            return "is red"
        case Color.GREEN | Color.Shade.DARK:
            return "green or dark"
        case math.pi:
            return "pi"
    return "no color"


print(color("red"), color("green"), color("dark"), color(math.pi), color("blue"))
Color.RED = "crimson"
print(color("red"), color("crimson"))

# a NaN never equals itself
match math.nan:
    case math.nan:
        print("nan matched")
    case _:
        print("nan did not match")

# numbers of different types compare equal
for v in [2, 2.0, 2 + 0j, True]:
    match v:
        case 2:
            print(repr(v), "matches 2")
        case 1:
            print(repr(v), "matches 1")
        case _:
            print(repr(v), "no match")

# the subject expression is evaluated once
calls = []


def subject():
    calls.append(1)
    return 7


match subject():
    case 1:
        pass
    case 2:
        pass
    case 7:
        print("seven, evaluated", len(calls), "time(s)")

# an unmatched statement does nothing
match 99:
    case 1:
        print("never")
print("after")
