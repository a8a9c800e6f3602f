# Which argument a builtin checks first, as CPython: str's find family checks start and
# end before the substring's type (difffuzz seed 247), int.__round__ refuses None.
calls = [
    lambda: '-nan'.rindex(None, 1.0),
    lambda: 'ab'.find(None, 1.0),
    lambda: 'ab'.rfind(3, 'x'),
    lambda: 'ab'.index(None, None, 2.5),
    lambda: 'ab'.count(None, 'x'),
    lambda: 'ab'.count(None, 0),
    lambda: 'ab'.find(None),
    lambda: 'ab'.startswith(None, 1.0),
    lambda: b'ab'.find(None, 1.0),
    lambda: bytearray(b'ab').rindex(None, 1.0),
    lambda: 'abcab'.rindex('ab', 1),
    lambda: 'abcab'.count('ab', -3, None),
]
for c in calls:
    try:
        print(c())
    except Exception as e:
        print(type(e).__name__, e)
# int.__round__ takes no None (round() passes none on): found by difffuzz too.
for c in [lambda: (5).__round__(None), lambda: round(5, None), lambda: (5).__round__(),
          lambda: (5.5).__round__(None), lambda: (1234).__round__(-2), lambda: True.__round__()]:
    try:
        print(repr(c()))
    except Exception as e:
        print(type(e).__name__, e)
