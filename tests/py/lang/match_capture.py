# match: captures, wildcards, `as`, groups, and which names a case binds
def f(x):
    match x:
        case 1:
            return "one"
        case (2 | 3) as n:
            return "two or three: %r" % n
        case ((4)):
            return "four (grouped)"
        case [5, _] as whole:
            return "five and one more: %r" % (whole,)
        case other:
            return "captured %r" % (other,)


for v in [1, 2, 3, 4, [5, 6], (5, "x"), [5], "s"]:
    print(f(v))

# a pattern that fails binds nothing, even the names it had captured
try:
    del a
except NameError:
    pass
match (1, 2):
    case (a, 3):
        print("no")
    case _:
        pass
try:
    print(a)
except NameError as e:
    print("NameError:", e)

# a failing guard leaves its pattern's names bound
match (1, 2):
    case (b, c) if b > c:
        print("no")
    case _:
        print("guard failed; b, c =", b, c)

# captures and bindings stay visible after the statement
match {"k": [10, 20]}:
    case {"k": [first, *rest]}:
        pass
print(first, rest)

# `_` binds nothing
_ = "untouched"
match 5:
    case _:
        pass
print(_)
match [1, 2]:
    case [_, _]:
        print("two things,", _)

# `as` binds the subject of its pattern
match [1, [2, 3]]:
    case [x, [y, z] as inner] as outer:
        print(x, y, z, inner, outer)
match 5:
    case (1 | 5 as n) as m:
        print(n, m)


# in a function, captures are locals; they can be global or nonlocal too
def scopes():
    def inner(v):
        nonlocal cap
        match v:
            case [cap]:
                pass
    cap = None
    inner([42])
    return cap


print(scopes())


def glob(v):
    global gcap
    match v:
        case {"g": gcap}:
            pass


glob({"g": "global!"})
print(gcap)


# closures see captured names
def make():
    match (1, 2):
        case (p, q):
            pass
    return lambda: (p, q)


print(make()())


# names are mangled in classes like any binding
class K:
    match {"v": 9}:
        case {"v": __hidden}:
            pass
    seen = __hidden


print(K.seen, K._K__hidden)

# the same name in each alternative of an or-pattern
for v in [[1, "a"], ("b", 2), 3]:
    match v:
        case [1, s] | [s, 2]:
            print("s =", s)
        case _:
            print("no s")

# a capture can be followed by a guard that uses it
for v in range(5):
    match v:
        case n if n % 2:
            print(n, "odd")
        case n:
            print(n, "even")

# the walrus in a guard binds too
match [3, 4]:
    case [u, w] if (total := u + w) > 5:
        print("total", total)
