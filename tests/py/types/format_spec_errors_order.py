# format(x, spec) when a spec breaks several rules (found by tools/difffuzz.py):
# CPython's order per type, the formatted object's own type name in messages,
# complex '#' without a type, and str.__format__ handing back the object itself
# when nothing is cut or padded (so a str subclass stays one).
class S(str): pass
class I(int): pass
class F(float): pass
class C(complex): pass
values = ['ab', S('ab'), 42, I(42), 1.5, F(1.5), 1+2j, C(1+2j), True]
specs = [' ', '+', '-', ' z', 'z', 'z#', '#', '=', '=z', '0', '08', '<08', '0=', 'x=', '0<8', '<z#',
         ' #=', 'q', 'X', 'b', '%', 's', ',s', ',', '_x', ',x', '\x01', 'invalid', '=5', '.2', '#.0',
         '#', '#10', '#<12', '+#', 'z.1f', '0=+z0_X', '=+z.0E', '-#0s', '0= #8,.0f']
for v in values:
    for s in specs:
        try:
            r = format(v, s)
            print(type(v).__name__, repr(s), repr(r), type(r).__name__)
        except ValueError as e:
            print(type(v).__name__, repr(s), 'ValueError:', e)
for v in [1e16, 1.5, 0.0, -0.0, 1e-7, 2.0, float('inf')]:
    for z in [complex(v, v), complex(0, v), complex(v, 0)]:
        print([format(z, s) for s in ['#', '#12', '+#', '']])
for s in ['s', '.5', '2', '.2', '5', '', '<3', '>2', '^1']:
    r = format(S('abc'), s)
    print(repr(s), type(r).__name__, repr(r), type(f'{S("abc"):{s}}').__name__)
