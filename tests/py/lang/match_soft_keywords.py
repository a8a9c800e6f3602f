# match: `match`, `case` and `_` stay ordinary names everywhere else
match = 1
case = 2
_ = 3
print(match, case, _)
match, case = case, match
print(match, case)


def match(*args, **kw):
    return ("called", args, kw)


print(match(1), match(x=2), match())
match(1)
match
print(match.__name__)


class Case:
    match = "attr"
    case = "attr2"

    def __getitem__(self, k):
        return k

    def __sub__(self, o):
        return "sub %r" % (o,)

    def __neg__(self):
        return "neg"


match = Case()
print(match.match, match.case, match[1], match[1, 2], match - 3, -match)
match[0]
match - 1
match.case
match = [10, 20]
match[0] = 11
match[1:] = [21, 22]
print(match)
match = {"a": 1}
match["b"] = 2
print(match)
case = [0]
case[0] += 5
print(case)
match: int = 5
print(match, __annotations__)
match = 3
print(match if match else case, [match for match in range(2)], match)
print({match: case}, (match, case))


def f(match, case, _):
    return match + case + _


print(f(1, 2, 3), f(match=1, case=2, _=3))
import keyword
print(keyword.iskeyword("match"), keyword.issoftkeyword("match") if hasattr(keyword, "issoftkeyword") else True)

# a match statement on a name called match, with cases using the names
match = case = 1
match match:
    case case:
        print("captured case =", case)
match = [1, 2]
match match:
    case [match, case]:
        print(match, case)
match _:
    case _:
        print("_ is", _)

# a line that starts like a match statement but is an expression
match = lambda *a: a
print(match(-1), match (2), match [0] if False else "no")
match (1, 2)
match = 5
match -1
match + 1
print(match -1, match - -1, match * 2)
