# match: or-patterns, guards, evaluation order, control flow in cases
def alt(x):
    match x:
        case 1 | 2 | 3:
            return "small"
        case [a, 1] | [1, a] | {"a": a}:
            return "a = %r" % (a,)
        case (p, q) | [q, p, _]:
            return "p=%r q=%r" % (p, q)
        case str() | bytes():
            return "text"
    return "other"


for v in [1, 3, [5, 1], [1, 6], {"a": 7}, (8, 9), [10, 11, 12], "s", b"b", 4.5]:
    print(alt(v))

# alternatives binding names in different orders
for v in [[1, 2], {"x": 3, "y": 4}]:
    match v:
        case [x, y] | {"y": y, "x": x}:
            print("x", x, "y", y)

# nested or-patterns
for v in [[1, "a"], [2, "b"], [3, "c"]]:
    match v:
        case [(1 | 2) as n, ("a" | "b") as s]:
            print(n, s)
        case _:
            print("no", v)

# alternatives are tried in order and stop at the first match
class Probe:
    def __init__(self, name, result):
        self.name = name
        self.result = result

    def __eq__(self, other):
        print("  compare with", self.name)
        return self.result

    __hash__ = None


match Probe("subject", False):
    case 1 | 2 | 3:
        print("never")
    case _:
        print("all three compared")


# guards run after the captures are bound, and only if the pattern matched
def g(x, log):
    match x:
        case [a, b] if log.append(("guard1", a, b)) or a == b:
            return "equal pair"
        case [a, *_] if log.append(("guard2", a)) or a > 0:
            return "positive head"
        case _ if log.append("guard3"):
            return "never"
        case _:
            return "fallback"


for v in [[1, 1], [2, 3], [-1, 2], [], "x"]:
    log = []
    print(v, g(v, log), log)


# break, continue and return inside cases
def loop(items):
    out = []
    for item in items:
        match item:
            case "stop":
                break
            case "skip":
                continue
            case ("ret", value):
                return out, value
            case other:
                out.append(other)
    return out, None


print(loop([1, "skip", 2, "stop", 3]))
print(loop([1, ("ret", "R"), 2]))

# a match inside a loop with else, try/finally and with
for i in range(3):
    try:
        match i:
            case 0:
                continue
            case 1:
                print("one")
            case _:
                break
    finally:
        print("finally", i)
else:
    print("no break")


# exceptions raised while matching propagate and leave the stack clean
class Boom:
    def __eq__(self, other):
        raise ValueError("boom")

    __hash__ = None


for n in range(2):
    try:
        match [Boom()]:
            case [0]:
                print("never")
    except ValueError as e:
        print("caught", e)


# matching inside generators and comprehensions
def gen(items):
    for it in items:
        match it:
            case [k, v]:
                yield k, v
            case k:
                yield k, None


print(list(gen([[1, 2], 3, (4, 5)])))
print([(lambda v: [x for x in [v] if x])(1)])


def classify(v):
    match v:
        case int() | float() as n if n < 0:
            return "negative"
        case int() | float():
            return "number"
        case _:
            return "?"


print([classify(v) for v in [-1, 2.5, -0.5, "x"]])

# a guard sees the names bound by its pattern, not the ones of other cases
match (1, 2):
    case (m, n) if m > n:
        pass
    case (n, m) if m > n:
        print("second case: m =", m, "n =", n)

# deeply nested patterns
data = [{"t": ("x", [1, {"deep": [None, True]}])}]
match data:
    case [{"t": (str() as s, [int(i), {"deep": [None, True as flag]}])}]:
        print(s, i, flag)
